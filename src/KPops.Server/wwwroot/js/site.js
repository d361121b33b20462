// Progressive enhancement shared by every public page; pages work without it.
// <time data-local datetime="…Z">: the moment in the viewer's own time zone (the server wrote UTC).
// [data-countdown="…Z"]: time left, ticking every second, in the page language's format ({d} {h} {m} {s}).

const lang = document.documentElement.lang || undefined;

for (const time of document.querySelectorAll("time[data-local]")) {
  const at = new Date(time.getAttribute("datetime"));
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  time.textContent = `${at.toLocaleString(lang, { dateStyle: "full", timeStyle: "short" })} (${zone})`;
}

const countdowns = [...document.querySelectorAll("[data-countdown]")];
function tick() {
  const now = Date.now();
  for (const element of countdowns) {
    const left = Math.max(0, new Date(element.dataset.countdown).getTime() - now);
    if (left === 0) { element.textContent = element.dataset.done; continue; }
    const seconds = Math.floor(left / 1000);
    const pad = n => String(n).padStart(2, "0");
    element.textContent = element.dataset.format
      .replace("{d}", String(Math.floor(seconds / 86400)))
      .replace("{h}", pad(Math.floor(seconds / 3600) % 24))
      .replace("{m}", pad(Math.floor(seconds / 60) % 60))
      .replace("{s}", pad(seconds % 60));
  }
}
if (countdowns.length > 0) { tick(); setInterval(tick, 1000); }

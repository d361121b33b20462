// What this browser keeps for its fan: the voter token (from POST /api/fans/verify) and every ballot receipt.
// localStorage only: nothing personal goes into the cacheable pages.

const tokenKey = "kpops.voter";
const receiptsKey = "kpops.receipts";

/** The voter token if one is kept and not expired: { accessToken, expiresAt (ms), address }. */
export function voter() {
  try {
    const kept = JSON.parse(localStorage.getItem(tokenKey) ?? "null");
    return kept && kept.expiresAt > Date.now() ? kept : null;
  } catch {
    return null;
  }
}

export function keepVoter(address, response) {
  const kept = { address, accessToken: response.accessToken, expiresAt: Date.now() + response.expiresIn * 1000 };
  localStorage.setItem(tokenKey, JSON.stringify(kept));
  return kept;
}

export function forgetVoter() {
  localStorage.removeItem(tokenKey);
}

/** Every kept receipt, oldest first: { roundId, roundName, periodKey, picks, pickNames, castAt, receipt }. */
export function receipts() {
  try {
    const kept = JSON.parse(localStorage.getItem(receiptsKey) ?? "[]");
    return Array.isArray(kept) ? kept : [];
  } catch {
    return [];
  }
}

export function keepReceipt(record) {
  const all = receipts();
  // A duplicate-ballot answer carries the original's index: keep one record per log entry.
  if (!all.some(r => r.receipt.index === record.receipt.index)) {
    all.push(record);
    localStorage.setItem(receiptsKey, JSON.stringify(all));
  }
}

/** The voting period a moment falls in: the calendar day in the season's time zone, or the whole round. */
export function periodKey(round, at = new Date()) {
  if (round.period === "round") return round.roundId;
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: round.timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
  return `${round.roundId}/${day}`;
}

/** Fills "{0}", "{1}", … in a localized template. */
export function format(template, ...values) {
  return template.replace(/\{(\d+)\}/g, (_, i) => String(values[Number(i)]));
}

/** Reads a page's JSON island (ScriptData.razor). */
export function pageData(id) {
  return JSON.parse(document.getElementById(id).textContent);
}

// The vote page: checks the round's rule on every pick and sends the ballot to POST /api/rounds/{round}/ballots
// with the voter token; the receipt is kept in this browser (My ballots). A refusal shows the server's problem code.
import { checkPicks } from "./ballot-rule.js";
import { format, forgetVoter, keepReceipt, pageData, periodKey, receipts, voter } from "./voter.js";

const round = pageData("vote-round");
const text = pageData("vote-text");
const form = document.getElementById("ballot");
const submit = document.getElementById("submit-ballot");
const result = document.getElementById("ballot-result");
const problemList = document.getElementById("rule-problems");
const messages = {
  "too-few-picks": text.tooFewPicks,
  "too-many-picks": text.tooManyPicks,
  "group-min": text.groupMin,
  "group-max": text.groupMax,
  "quota-exhausted": text.quotaExhausted,
  "round-not-open": text.roundNotOpen,
  "duplicate-pick": text.tooManyPicks,
};
let sending = false;

function picks() {
  return [...form.querySelectorAll("input[name=pick]:checked")].map(box => box.value);
}

function ballotsLeft() {
  const period = periodKey(round);
  const used = receipts().filter(r => r.periodKey === period && r.receipt.status === "accepted").length;
  return Math.max(0, round.ballotsPerPeriod - used);
}

function showVoter() {
  const signedIn = voter();
  if (signedIn) document.getElementById("voter-status").textContent = format(text.signedInAs, signedIn.address);
  return signedIn;
}

function update() {
  const picked = picks();
  const left = ballotsLeft();
  for (const box of form.querySelectorAll("input[name=pick]")) box.closest("label").classList.toggle("picked", box.checked);
  document.getElementById("pick-count").textContent = format(text.pickCount, picked.length, round.maxPicks);
  document.getElementById("quota").textContent = format(text.quotaLeft, left);
  const problems = checkPicks(round, picked, left);
  problemList.replaceChildren(...problems.map(problem => {
    const item = document.createElement("li");
    item.dataset.code = problem.code;
    item.textContent = format(messages[problem.code], ...problem.values);
    return item;
  }));
  submit.disabled = sending || problems.length > 0 || !voter();
  return problems;
}

async function send(event) {
  event.preventDefault();
  const signedIn = voter();
  if (update().length > 0 || !signedIn || sending) return;
  sending = true;
  submit.disabled = true;
  result.className = "";
  result.textContent = text.sending;
  const picked = picks();
  const segment = document.getElementById("segment")?.value;
  const body = { picks: picked, nonce: crypto.getRandomValues(new Uint32Array(1))[0], ...(segment ? { segment } : {}) };
  try {
    const response = await fetch(`/api/rounds/${encodeURIComponent(round.roundId)}/ballots`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${signedIn.accessToken}` },
      body: JSON.stringify(body),
    });
    if (response.ok) {
      const receipt = await response.json();
      keepReceipt({
        roundId: round.roundId, roundName: round.roundName, periodKey: periodKey(round), picks: picked,
        pickNames: picked.map(id => `${round.trainees[id].hangul} (${round.trainees[id].romanized})`),
        castAt: new Date().toISOString(), receipt,
      });
      result.className = "success";
      result.dataset.index = receipt.index;
      result.textContent = format(receipt.status === "accepted" ? text.accepted : text.duplicate, receipt.index) + " ";
      const link = document.createElement("a");
      link.href = "/my-ballots";
      link.textContent = text.seeMyBallots;
      result.append(link);
      for (const box of form.querySelectorAll("input[name=pick]")) box.checked = false;
    } else {
      if (response.status === 401) forgetVoter();
      const problem = await response.json().catch(() => ({}));
      result.className = "problem";
      result.dataset.code = problem.code ?? String(response.status);
      result.textContent = response.status === 401
        ? text.sessionExpired
        : `${text.refused}: ${problem.code ?? response.status} — ${problem.detail ?? problem.title ?? ""}`;
    }
  } catch (error) {
    result.className = "problem";
    result.textContent = `${text.refused}: ${error.message}`;
  } finally {
    sending = false;
    update();
  }
}

form.addEventListener("change", update);
form.addEventListener("submit", send);
showVoter();
update();
// Marks the form as live: picks made before this module ran were read by update() above, later ones by the listener.
form.dataset.ready = "true";

// My ballots: the receipts this browser kept, each with a Verify button that runs verify.js against /log/key.
import { verifyReceipt } from "./verify.js";
import { format, pageData, receipts } from "./voter.js";

const text = pageData("my-ballots-text");
const list = document.getElementById("receipts");
const template = document.getElementById("receipt-template");
let keyText = null;

async function logKey() {
  if (keyText === null) {
    const response = await fetch("/log/key", { cache: "no-cache" });
    if (!response.ok) throw new Error(text.keyFetchFailed);
    keyText = await response.text();
  }
  return keyText;
}

async function verify(record, verdictElement) {
  verdictElement.className = "verdict";
  verdictElement.textContent = text.verifying;
  let verdict;
  try {
    verdict = await verifyReceipt(record.receipt, await logKey());
  } catch (error) {
    verdict = { ok: false, signature: false, proof: false, problem: error.message };
  }
  const lines = [
    verdict.ok ? text.verified : text.notVerified,
    verdict.signature ? text.signatureOk : text.signatureBad,
    verdict.proof ? format(text.proofOk, verdict.size) : text.proofBad,
  ];
  if (verdict.problem) lines.push(verdict.problem);
  verdictElement.className = `verdict ${verdict.ok ? "verdict-ok" : "verdict-bad"}`;
  verdictElement.dataset.verified = String(verdict.ok);
  verdictElement.replaceChildren(...lines.map(line => Object.assign(document.createElement("p"), { textContent: line })));
}

const kept = receipts().slice().reverse();
document.getElementById("no-receipts").hidden = kept.length > 0;
for (const record of kept) {
  const item = template.content.firstElementChild.cloneNode(true);
  item.dataset.index = record.receipt.index;
  item.querySelector(".receipt-title").textContent = format(text.receiptTitle, record.roundName, record.receipt.index);
  item.querySelector(".receipt-cast").textContent = new Date(record.castAt).toLocaleString();
  item.querySelector(".receipt-picks").textContent = record.pickNames.join(", ");
  item.querySelector(".receipt-index").textContent = record.receipt.index;
  item.querySelector(".receipt-hash code").textContent = record.receipt.entryHash;
  item.querySelector(".receipt-checkpoint").textContent = record.receipt.checkpoint;
  const button = item.querySelector(".verify-receipt");
  button.addEventListener("click", () => verify(record, item.querySelector(".verdict")));
  list.append(item);
}

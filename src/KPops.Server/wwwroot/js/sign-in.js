// Sign-up and sign-in with a one-time code: POST /api/fans/codes, then POST /api/fans/verify; the voter token
// is kept in this browser (voter.js) for the vote page.
import { format, forgetVoter, keepVoter, pageData, voter } from "./voter.js";

const text = pageData("sign-in-text");
const requestForm = document.getElementById("code-request");
const verifyForm = document.getElementById("code-verify");
const problem = document.getElementById("sign-in-problem");
const status = document.getElementById("signed-in");
const signOut = document.getElementById("sign-out");
let address = null;

function addressBody(value) {
  const trimmed = value.trim();
  if (trimmed.startsWith("+")) return { phone: trimmed };
  return trimmed.includes("@") ? { email: trimmed } : null;
}

async function post(path, body) {
  const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (response.ok) return response.status === 202 ? {} : response.json();
  const details = await response.json().catch(() => ({}));
  throw new Error(`${details.code ?? response.status} — ${details.detail ?? details.title ?? ""}`);
}

function showSignedIn(kept) {
  status.hidden = false;
  status.textContent = format(text.signedIn, kept.address) + " ";
  const back = new URLSearchParams(location.search).get("return");
  const link = document.createElement("a");
  link.href = back && back.startsWith("/") && !back.startsWith("//") ? back : "/vote";
  link.textContent = text.continueVoting;
  status.append(link);
  signOut.hidden = false;
}

requestForm.addEventListener("submit", async event => {
  event.preventDefault();
  problem.textContent = "";
  const body = addressBody(document.getElementById("address").value);
  if (!body) { problem.textContent = text.badAddress; return; }
  try {
    await post("/api/fans/codes", body);
    address = body;
    verifyForm.hidden = false;
    status.hidden = false;
    status.textContent = format(text.codeSent, body.email ?? body.phone);
    document.getElementById("code").focus();
  } catch (error) {
    problem.textContent = `${text.failed}: ${error.message}`;
  }
});

verifyForm.addEventListener("submit", async event => {
  event.preventDefault();
  problem.textContent = "";
  try {
    const token = await post("/api/fans/verify", { ...address, code: document.getElementById("code").value.trim() });
    verifyForm.hidden = true;
    showSignedIn(keepVoter(address.email ?? address.phone, token));
  } catch (error) {
    problem.textContent = `${text.failed}: ${error.message}`;
  }
});

signOut.addEventListener("click", () => {
  forgetVoter();
  signOut.hidden = true;
  status.textContent = text.signedOut;
});

const kept = voter();
if (kept) showSignedIn(kept);

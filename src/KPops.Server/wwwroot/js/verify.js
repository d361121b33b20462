// Checks a KPops ballot receipt in the browser, with nothing but WebCrypto (SHA-256, Ed25519) and the public specs:
// RFC 6962 / RFC 9162 Merkle hashing and inclusion proofs, C2SP tlog-checkpoint and signed-note. It shares no code
// with the server, so a server that lied about a receipt would be caught here.
//
//   import { verifyReceipt } from "/js/verify.js";
//   const verdict = await verifyReceipt(receipt, await (await fetch("/log/key")).text());
//   verdict.ok, verdict.signature, verdict.proof, verdict.size, verdict.problem
//
// A receipt is what POST /api/rounds/{round}/ballots answers: { index, entryHash (base64 leaf hash),
// checkpoint (signed note text), inclusionProof: [base64 hashes, leaf to root] }.

const encoder = new TextEncoder();

export function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) { out.set(part, at); at += part.length; }
  return out;
}

function equal(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

export async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
}

/** RFC 6962 §2.1: a leaf hash is SHA-256(0x00 ‖ entry). */
export function hashLeaf(entry) {
  return sha256(concat(Uint8Array.of(0), entry));
}

/** RFC 6962 §2.1: an interior node is SHA-256(0x01 ‖ left ‖ right). */
export function hashChildren(left, right) {
  return sha256(concat(Uint8Array.of(1), left, right));
}

/**
 * RFC 9162 §2.1.3.2: the root that an inclusion proof leads to from the leaf hash at `index` in a tree of `size`,
 * or null when the proof has the wrong length for that position.
 */
export async function rootFromInclusionProof(index, size, leafHash, proof) {
  let fn = BigInt(index);
  let sn = BigInt(size) - 1n;
  if (fn > sn || fn < 0n) return null;
  let root = leafHash;
  for (const sibling of proof) {
    if (sn === 0n) return null;
    if ((fn & 1n) === 1n || fn === sn) {
      root = await hashChildren(sibling, root);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
      }
    } else {
      root = await hashChildren(root, sibling);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n ? root : null;
}

/**
 * A signed-note verifier key, "<name>+<key ID, 8 hex>+<base64(0x01 ‖ 32-byte Ed25519 public key)>", checked: the key ID
 * must be the first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key).
 */
export async function parseVerifierKey(text) {
  // The name may not contain "+" (signed-note), but the base64 key after the second "+" often does.
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+={0,2})$/.exec(text.trim());
  if (!match) throw new Error("malformed verifier key");
  const [, name, idHex, encoded] = match;
  const key = fromBase64(encoded);
  if (key.length !== 33 || key[0] !== 1) throw new Error("not an Ed25519 verifier key");
  const publicKey = key.slice(1);
  const keyId = Uint8Array.from(idHex.match(/../g), h => parseInt(h, 16));
  const expected = (await sha256(concat(encoder.encode(name), Uint8Array.of(0x0a, 0x01), publicKey))).slice(0, 4);
  if (!equal(keyId, expected)) throw new Error("verifier key ID does not match its key");
  return { name, keyId, publicKey };
}

/** Splits a signed note into its text (ending in a newline) and its signature lines "— <name> <base64>". */
export function splitNote(note) {
  const end = note.lastIndexOf("\n\n");
  if (end < 0 || !note.endsWith("\n")) throw new Error("malformed signed note");
  const text = note.slice(0, end + 1);
  const signatures = note.slice(end + 2, -1).split("\n").map(line => {
    const match = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!match) throw new Error("malformed signature line");
    return { name: match[1], bytes: fromBase64(match[2]) };
  });
  return { text, signatures };
}

/** Whether a signature by `key` (from parseVerifierKey) on the note's text verifies with Ed25519. */
export async function verifyNoteSignature(note, key) {
  const { text, signatures } = splitNote(note);
  const publicKey = await crypto.subtle.importKey("raw", key.publicKey, { name: "Ed25519" }, false, ["verify"]);
  for (const signature of signatures) {
    if (signature.name !== key.name || signature.bytes.length !== 68 || !equal(signature.bytes.slice(0, 4), key.keyId)) continue;
    if (await crypto.subtle.verify({ name: "Ed25519" }, publicKey, signature.bytes.slice(4), encoder.encode(text))) return true;
  }
  return false;
}

/** A checkpoint's body: "<origin>\n<size>\n<base64 root hash>\n[extension lines]". */
export function parseCheckpoint(text) {
  const lines = text.split("\n");
  if (lines.length < 4 || !/^(0|[1-9][0-9]*)$/.test(lines[1])) throw new Error("malformed checkpoint");
  const rootHash = fromBase64(lines[2]);
  if (rootHash.length !== 32) throw new Error("malformed checkpoint root hash");
  return { origin: lines[0], size: BigInt(lines[1]), rootHash };
}

/** Verifies a receipt against the log's verifier key text: the checkpoint's signature, then the inclusion proof. */
export async function verifyReceipt(receipt, verifierKeyText) {
  const verdict = { ok: false, signature: false, proof: false, size: null, origin: null, problem: null };
  try {
    const key = await parseVerifierKey(verifierKeyText);
    const { text } = splitNote(receipt.checkpoint);
    const checkpoint = parseCheckpoint(text);
    verdict.size = checkpoint.size.toString();
    verdict.origin = checkpoint.origin;
    if (checkpoint.origin !== key.name) throw new Error("the checkpoint is from another log");
    verdict.signature = await verifyNoteSignature(receipt.checkpoint, key);
    const leaf = fromBase64(receipt.entryHash);
    const proof = receipt.inclusionProof.map(fromBase64);
    const root = await rootFromInclusionProof(receipt.index, checkpoint.size, leaf, proof);
    verdict.proof = root !== null && equal(root, checkpoint.rootHash);
    verdict.ok = verdict.signature && verdict.proof;
  } catch (error) {
    verdict.problem = error.message;
  }
  return verdict;
}

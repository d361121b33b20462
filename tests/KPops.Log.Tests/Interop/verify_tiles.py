# Independent tlog-tiles / signed-note / checkpoint verifier, written from the C2SP specs.
# Usage: python3 verify_tiles.py <exported log directory> <file holding the verifier key text>
# Needs the "cryptography" package. Checks the checkpoint signature, every entry bundle, every hash tile and the root.
import base64, hashlib, os, struct, sys
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

root_dir, vkey = sys.argv[1], open(sys.argv[2]).read().strip()
name, keyid_hex, key_b64 = vkey.split('+', 2)
key = base64.b64decode(key_b64)
assert key[0] == 1
assert hashlib.sha256(name.encode() + b'\n' + key).digest()[:4].hex() == keyid_hex
pub = Ed25519PublicKey.from_public_bytes(key[1:])

note = open(os.path.join(root_dir, 'checkpoint'), 'rb').read().decode()
split = note.rindex('\n\n')
text, sigs = note[:split + 1], note[split + 2:]
ok = False
for line in sigs.splitlines():
    assert line.startswith('\u2014 ')
    n, b = line[2:].split(' ')
    raw = base64.b64decode(b)
    if n == name and raw[:4].hex() == keyid_hex:
        pub.verify(raw[4:], text.encode())
        ok = True
assert ok
origin, size, root_b64 = text.splitlines()[:3]
size = int(size); root = base64.b64decode(root_b64)

def path_n(n):
    s = '%03d' % (n % 1000)
    while n >= 1000:
        n //= 1000
        s = 'x%03d/%s' % (n % 1000, s)
    return s

def tile_path(level, n, w):
    p = 'tile/%s/%s' % (level, path_n(n))
    return p + ('.p/%d' % w if w < 256 else '')

leaf = lambda d: hashlib.sha256(b'\x00' + d).digest()
node = lambda l, r: hashlib.sha256(b'\x01' + l + r).digest()
def mth(hs):
    if len(hs) == 0: return hashlib.sha256(b'').digest()
    if len(hs) == 1: return hs[0]
    k = 1
    while k * 2 < len(hs): k *= 2
    return node(mth(hs[:k]), mth(hs[k:]))

# Entries from bundles -> leaf hashes; compare with level-0 tiles; root from leaves.
leaves = []
for n in range((size + 255) // 256):
    w = min(256, size - n * 256)
    b = open(os.path.join(root_dir, tile_path('entries', n, w)), 'rb').read()
    off = 0
    for i in range(w):
        (ln,) = struct.unpack('>H', b[off:off + 2]); leaves.append(leaf(b[off + 2:off + 2 + ln])); off += 2 + ln
    assert off == len(b)
assert len(leaves) == size
assert mth(leaves) == root, 'root mismatch'

# Every tile at every level equals its definition.
level, count = 0, size
hashes = leaves
checked = 0
while count > 0:
    for n in range((count + 255) // 256):
        w = min(256, count - n * 256)
        t = open(os.path.join(root_dir, tile_path(level, n, w)), 'rb').read()
        assert t == b''.join(hashes[n * 256:n * 256 + w]), (level, n, w)
        checked += 1
    hashes = [mth(hashes[i * 256:(i + 1) * 256]) for i in range(count // 256)]
    count //= 256; level += 1
print('OK', origin, size, 'tiles checked', checked)

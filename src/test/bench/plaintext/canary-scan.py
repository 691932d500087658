#!/usr/bin/env python3
"""canary-scan.py [--since=FILE] ROOT... : every regular file under the roots that holds a canary of
$W/case/canaries.txt (case-insensitive), as UTF-8/Latin-1, UTF-16LE/BE, inside zip entries or zlib/gzip streams.
--since: only files changed after FILE (for /tmp and the like). Skips $W's case, trace, out and keep folders
(W: $PLAINTEXT_WORK, default /tmp/rd-plaintext); NOSKIP=1 scans everything (e.g. the exports in $W/out)."""
import os, sys, zlib, zipfile, io, gzip
W = os.environ.get("PLAINTEXT_WORK", "/tmp/rd-plaintext")
SKIP = () if os.environ.get("NOSKIP") else tuple(W + "/" + d for d in ("case", "trace", "out", "keep")) + ("/proc", "/sys")
can = [l.strip() for l in open(W + "/case/canaries.txt") if l.strip()]
pats = []
for c in can:
    lc = c.lower()
    pats.append((c, lc.encode()))
    pats.append((c + " (utf16)", lc.encode("utf-16-le")))
    pats.append((c + " (utf16be)", lc.encode("utf-16-be")))
def hits(data):
    low = data.lower()
    return {n for n, p in pats if p in low}
def inflated(data):
    out = []
    i = 0
    n = 0
    while n < 300:
        j = min([k for k in (data.find(b"\x78\x9c", i), data.find(b"\x78\xda", i), data.find(b"\x78\x01", i), data.find(b"\x78\x5e", i)) if k >= 0], default=-1)
        if j < 0: break
        try:
            d = zlib.decompressobj().decompress(data[j:j + 5_000_000], 20_000_000)
            if len(d) > 16: out.append(d)
        except Exception: pass
        i = j + 2; n += 1
    g = data.find(b"\x1f\x8b\x08")
    if g >= 0:
        try: out.append(gzip.decompress(data[g:]))
        except Exception: pass
    return out
def scan_bytes(data, depth=0):
    h = hits(data)
    if depth < 2 and len(data) < 8_000_000:
        if data[:2] == b"PK":
            try:
                z = zipfile.ZipFile(io.BytesIO(data))
                for e in z.namelist():
                    try: h |= {x + " [in zip " + e + "]" for x in scan_bytes(z.read(e), depth + 1)}
                    except Exception: pass
            except Exception: pass
        for d in inflated(data):
            h |= {x + " [deflated]" for x in hits(d)}
    return h
args = sys.argv[1:]
since = 0
if args and args[0].startswith("--since="):
    since = os.stat(args[0][8:]).st_mtime - 1; args = args[1:]
found = 0
for root in args:
    for dp, dns, fns in os.walk(root):
        if dp.startswith(SKIP): dns[:] = []; continue
        for fn in fns:
            p = os.path.join(dp, fn)
            try:
                if not os.path.isfile(p) or os.path.islink(p): continue
                if os.path.getsize(p) > 300_000_000: continue
                st = os.stat(p)
                if since and max(st.st_mtime, st.st_ctime) < since: continue
                data = open(p, "rb").read()
            except Exception: continue
            h = scan_bytes(data)
            if h:
                found += 1
                print("HIT", p, sorted(h)[:6])
print("scanned", args, "since" if since else "",  "files with canaries:", found)

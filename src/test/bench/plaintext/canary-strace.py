#!/usr/bin/env python3
"""canary-strace.py STRACE [DATA]: from `strace -f -y -xx -s 65536 -e trace=openat,...,write,pwrite64,...` of a
session whose steps open $W/trace/marker-STEP: per step, every file created, written, renamed or removed outside
the data folder DATA, and every write (to any file, pipe or socket) whose bytes hold a canary."""
import os, re, sys, collections
W = os.environ.get("PLAINTEXT_WORK", "/tmp/rd-plaintext")
can = [l.strip().lower() for l in open(W + "/case/canaries.txt") if l.strip()]
pats = [(c, c.encode()) for c in can] + [(c + "(u16)", c.encode("utf-16-le")) for c in can] + [(c + "(u16be)", c.encode("utf-16-be")) for c in can]
def unhex(s):
    return re.sub(rb"\\x([0-9a-f]{2})", lambda m: bytes([int(m.group(1), 16)]), s)
def unesc(s):  # a -y path decoration may carry \xNN escapes
    return unhex(s.encode()).decode("utf-8", "replace")
DATA = sys.argv[2] if len(sys.argv) > 2 else W + "/data"
step = "start"
files = collections.OrderedDict()   # (step, path) -> set of ops
leaks = collections.OrderedDict()
pending = {}
line_re = re.compile(r"^(\d+) +(.*)$")
for raw in open(sys.argv[1], encoding="latin-1"):
    m = line_re.match(raw.rstrip("\n"))
    if not m: continue
    pid, rest = m.groups()
    if "<unfinished ...>" in rest:
        pending[pid] = rest.split(" <unfinished")[0]; continue
    if rest.startswith("<... "):
        head = pending.pop(pid, "")
        rest = head + rest[rest.index("resumed>") + 8:]
    sc = rest.split("(", 1)[0]
    if sc == "openat" or sc == "creat":
        mm = re.search(r'"((?:\\x[0-9a-f]{2})*)", ([A-Z_|]+)', rest)
        if not mm: continue
        path = unhex(mm.group(1).encode("latin-1")).decode("utf-8", "replace")
        flags = mm.group(2)
        if "marker-" in path and "O_CREAT" in flags:
            step = path.rsplit("marker-", 1)[1]; continue
        if not any(f in flags for f in ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC")): continue
        rm = re.search(r"= (-?\d+)(?:<(.*)>)?", rest.rsplit(")", 1)[1] if ")" in rest else "")
        ok = rm and not rm.group(1).startswith("-")
        real = unesc(rm.group(2)) if rm and rm.group(2) else path
        files.setdefault((step, real), set()).add(("open " + ("+".join(f.replace("O_", "") for f in flags.split("|") if f in ("O_WRONLY","O_RDWR","O_CREAT","O_TRUNC","O_EXCL","O_APPEND","O_TMPFILE"))) + ("" if ok else " FAILED")))
    elif sc in ("rename", "renameat", "renameat2", "unlink", "unlinkat", "mkdir", "mkdirat", "link", "symlink", "truncate"):
        paths = [unhex(p.encode("latin-1")).decode("utf-8", "replace") for p in re.findall(r'"((?:\\x[0-9a-f]{2})*)"', rest)]
        dirs = re.findall(r"\(?(?:AT_FDCWD|\d+)<([^>]*)>", rest)
        ok = not re.search(r"= -1", rest)
        for i, p in enumerate(paths):
            if not p.startswith("/") and dirs: p = unesc(dirs[min(i, len(dirs) - 1)]) + "/" + p
            files.setdefault((step, p), set()).add(sc + ("" if ok else " FAILED"))
    elif sc in ("write", "pwrite64", "writev", "pwritev", "pwritev2"):
        fm = re.match(r"\w+\((\d+)(?:<(.*?)>)?, ", rest)
        if not fm: continue
        target = unesc(fm.group(2)) if fm.group(2) else "fd" + fm.group(1)
        data = b"".join(unhex(s.encode("latin-1")) for s in re.findall(r'"((?:\\x[0-9a-f]{2})*)"', rest)).lower()
        hit = {n for n, p in pats if p in data}
        if not target.startswith(("pipe:", "socket:", "/dev/")) and not target.startswith(DATA):
            files.setdefault((step, target), set()).add("write")
        if hit:
            leaks.setdefault((step, target), set()).update(hit)
print("== files created, written, renamed or removed outside", DATA, "(and /dev, pipes, sockets)")
for (st, p), ops in files.items():
    if p.startswith(DATA) or p.startswith("/dev/") or "marker-" in p: continue
    print(f"{st:22} {p}  [{', '.join(sorted(ops))}]")
print("== writes holding canaries (every fd)")
for (st, t), h in leaks.items():
    print(f"{st:22} {t}  {sorted(h)[:8]}")

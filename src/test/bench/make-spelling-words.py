#!/usr/bin/env python3
# Makes src/main/resources/org/reviewdesk/guideline/spelling/words-en.txt.gz from Debian's SCOWL word lists
# (apt-get install scowl): the English and American words, contractions and capitalised words of levels 10 to 95,
# proper names and abbreviations to level 50; one 'word<TAB>level' a line, sorted by UTF-8 bytes (Spelling reads
# them so, and searches them by halves). The medical list beside it (medical-words.txt) is kept by hand: see
# docs/spelling.md.
import gzip, os, re, sys

D = '/usr/share/dict/scowl/'
OUT = sys.argv[1] if len(sys.argv) > 1 else 'src/main/resources/org/reviewdesk/guideline/spelling/words-en.txt.gz'
words = {}
for f in sorted(os.listdir(D)):
    m = re.match(r'(english|american)-(words|contractions|upper|abbreviations|proper-names)\.(\d+)$', f)
    if not m:
        continue
    level, kind = int(m.group(3)), m.group(2)
    if kind in ('proper-names', 'abbreviations') and level > 50:
        continue
    for w in open(D + f, encoding='latin-1'):
        w = w.strip()
        if w and (w not in words or words[w] > level):
            words[w] = level
with gzip.open(OUT, 'wt', encoding='utf-8') as o:
    o.write("# SCOWL (Spell Checker Oriented Word Lists) by Kevin Atkinson: the English and American words, contractions\n")
    o.write("# and capitalised words of levels 10 to 95, and proper names and abbreviations to level 50 (Debian package\n")
    o.write("# scowl 2020.12.07-2), one 'word<TAB>level' a line, sorted by their UTF-8 bytes (lower levels are the\n")
    o.write("# commoner words). Copyright notice: LICENSE-SCOWL.txt beside this file. Made by docs/spelling.md's command.\n")
    for w, level in sorted(words.items(), key=lambda x: x[0].encode('utf-8')):
        o.write(f"{w}\t{level}\n")
print(len(words), 'words ->', OUT)

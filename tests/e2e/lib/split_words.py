#!/usr/bin/env python3
"""split_words.py LOG CONTENT [PO] - prints every word of the CONTENT file (YAML) that the
screens in LOG (lines; those starting with "=== " are markers) show split without a hyphen,
one a line; nothing when none is. The words of the catalogue PO (its messages and their
translations), when given, are words of the interface and never taken for a part of one.
Used by tests/e2e/walk.sh and tests/e2e/dutch.sh.

A token on the screens is a split word when it is the start of a content word whose rest is
another token, unless it is a word itself, ends in "-" (a word broken there) or is the rest of
one broken on the line before. Words are split after their own slashes too, as the wrapper
breaks them."""
import re, sys
PUNCT = ".,;:!?()[]\"'«»“”‘’…"
def tokens(text):
    return [t for t in re.split(r"\s+|(?<=/)", text) if t]
def norm(t):
    return t.strip(PUNCT)
words = {norm(t) for t in tokens(open(sys.argv[2], encoding="utf-8").read())}
if len(sys.argv) > 3:
    words |= {norm(t) for l in open(sys.argv[3], encoding="utf-8")
              if re.match(r'(msgid|msgid_plural|msgstr(\[\d\])?)? *"', l)
              for t in tokens(re.sub(r'^[a-z_\[\]0-9]* *"|"$|\\n', " ", l.strip()))}
screen = [t for l in open(sys.argv[1], encoding="utf-8") if not l.startswith("=== ")
          for t in tokens(l)]
heads = {norm(t) for t in screen if norm(t).endswith("-")}
seen = {norm(t) for t in screen}
for n in sorted(seen):
    if len(n) < 4 or n in words or n.endswith("-"):
        continue
    if any(w.endswith(n) and (w[:-len(n)] in heads or w[:-len(n)] + "-" in heads)
           for w in words):
        continue  # the rest of a word broken with a hyphen on the line before
    if any(w.startswith(n) and w[len(n):] in seen for w in words if len(w) > len(n)):
        print(n)

#!/usr/bin/env python3
"""Checks that no text of eval/data/nlu/ask-human-fresh.jsonl equals (punctuation and spaces removed,
NFKC, lower case) a text of ask-human.jsonl, ask-human-dev.jsonl (the later tuning set), a training sentence or a human-request rule file, so the
fresh set stays held out. Run from the repository root; exits 1 on any clash."""
import glob, json, re, sys, unicodedata

def key(s):
    return re.sub(r'[\W_]+', '', unicodedata.normalize('NFKC', s)).lower()

seen = {}
for name in ('ask-human.jsonl', 'ask-human-dev.jsonl'):
    for l in open('eval/data/nlu/' + name, encoding='utf-8'):
        if l.strip():
            seen[key(json.loads(l)['text'])] = name
res = 'nlu/src/main/resources/org/openhotline/nlu/intent/'
for f in glob.glob(res + 'training/*.txt') + glob.glob(res + 'human-request*.txt'):
    for l in open(f, encoding='utf-8'):
        l = l.strip()
        if l and not l.startswith('#'):
            seen[key(l)] = f
clashes, pos, neg, mine = 0, 0, 0, set()
for l in open('eval/data/nlu/ask-human-fresh.jsonl', encoding='utf-8'):
    row = json.loads(l)
    k = key(row['text'])
    if k in seen or k in mine:
        clashes += 1
        print('clash', row['id'], row['text'], seen.get(k, 'duplicate'))
    mine.add(k)
    pos += row['ask_human']
    neg += not row['ask_human']
print(f'{pos} positives, {neg} negatives, {clashes} clashes')
sys.exit(1 if clashes else 0)

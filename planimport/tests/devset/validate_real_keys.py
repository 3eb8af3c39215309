"""Checks the keys of REAL documents keyed blind by a helper (the note "blind round N (helper realN)" in their source;
the constructed sets have check_keys.py): valid JSON, NFC, fields, split, titles, names and timeframes verbatim in the
text, kind one of DESIGN.md's, due given for a deadline and only for one, numbers unique.
Usage: python3 validate_real_keys.py FOLDER   (e.g. planimport/tests/devset: blind19real's and blind20real's keys,
tuned since round 21; a new set's folder before its keys are committed)
(Written by the helpers real19 and real20 as validate_keys.py in their folders, one copy each; made one in session 13.)"""
import json, glob, os, re, unicodedata, datetime, sys
D = sys.argv[1]
KINDS = {'ongoing', 'annual', 'period', 'deadline', 'other', 'none'}
ok = True
def bad(*a):
    global ok; ok = False; print('BAD', *a)
total = 0
NOTE = re.compile(r'blind round \d+ \(helper real\d+\)')
for kp in sorted(glob.glob(os.path.join(D, '*.key.json'))):
    raw = open(kp, encoding='utf-8').read()
    k = json.loads(raw)
    if not NOTE.search(k.get('source', '')):
        continue
    if raw != unicodedata.normalize('NFC', raw): bad(kp, 'key not NFC')
    for f in ('file', 'split', 'layout', 'source', 'plan', 'reporting', 'tasks'):
        if f not in k: bad(kp, 'missing', f)
    if k['split'] not in ('kept_out', 'tuned'): bad(kp, 'split')
    doc = os.path.join(D, k['file'])
    text = open(doc, encoding='utf-8').read()
    if text != unicodedata.normalize('NFC', text): bad(doc, 'not NFC')
    flat = re.sub(r'\s+', ' ', text)
    p = k['plan']
    for f in ('number', 'date', 'issuer', 'place', 'title'):
        if f not in p: bad(kp, 'plan missing', f)
    datetime.date.fromisoformat(p['date'])
    if p['number'].replace(' ', '') not in text.replace(' ', ''): bad(kp, 'number not in text')
    r = k['reporting']
    if r is not None and (r.get('period') not in {'yearly','semiannual','quarterly','monthly','other','none'} or not r.get('to')):
        bad(kp, 'reporting')
    nums = [t['number'] for t in k['tasks']]
    if len(nums) != len(set(nums)): bad(kp, 'duplicate numbers')
    for t in k['tasks']:
        for f in ('number', 'title', 'lead', 'coordinators', 'timeframe', 'kind', 'due'):
            if f not in t: bad(kp, t.get('number'), 'missing', f)
        if t['title'] not in flat: bad(kp, t['number'], 'title not verbatim in text')
        if not t['lead']: bad(kp, t['number'], 'no lead')
        for n in t['lead'] + t['coordinators']:
            if re.sub(r'\s+', ' ', n).lower() not in flat.lower(): bad(kp, t['number'], 'name not in text:', n)
        if t['kind'] not in KINDS: bad(kp, t['number'], 'kind')
        if (t['timeframe'] == '') != (t['kind'] == 'none'): bad(kp, t['number'], 'timeframe/kind')
        if t['timeframe'] and t['timeframe'] not in flat: bad(kp, t['number'], 'timeframe not verbatim')
        if t['kind'] == 'deadline':
            if not t['due']: bad(kp, t['number'], 'deadline without due')
            else: datetime.date.fromisoformat(t['due'])
        elif t['due'] is not None: bad(kp, t['number'], 'due on a non-deadline')
    total += len(k['tasks'])
    print(f"{os.path.basename(kp)}: {len(k['tasks'])} tasks, doc {len(text)} chars")
print('total tasks', total, 'OK' if ok else 'FAILED')
sys.exit(0 if ok else 1)

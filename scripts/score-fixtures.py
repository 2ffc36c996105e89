#!/usr/bin/env python3
"""Score the test articles that have a gold annotation (tests/fixtures/articles/*.gold.json)
the way ../shared/eval/measure scores the development sets: their gold files are merged
(ids prefixed by the article) and one extraction of all of them is scored.

    scripts/score-fixtures.py [BIN] [vi|en] [EVAL_DIR]

BIN defaults to target/release/claimgraph, EVAL_DIR to ../shared/eval (its score.py).
Prints the scorer's last line for each language asked for."""
import glob, json, os, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binp = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, 'target/release/claimgraph')
langs = [sys.argv[2]] if len(sys.argv) > 2 else ['vi', 'en']
eval_dir = sys.argv[3] if len(sys.argv) > 3 else os.path.join(root, '..', 'shared', 'eval')
sys.path.insert(0, eval_dir)
import score as S  # noqa: E402

for lang in langs:
    files = sorted(f for f in glob.glob(os.path.join(root, f'tests/fixtures/articles/{lang}-*.txt'))
                   if os.path.exists(f[:-4] + '.gold.json'))
    gold = {"actors": {}, "statements": [], "relations": []}
    for f in files:
        g = json.load(open(f[:-4] + '.gold.json'))
        p = os.path.basename(f)[:-4] + ':'
        for k, v in g['actors'].items():
            gold['actors'][p + k] = v
        for s in g['statements']:
            s = dict(s)
            s['id'] = p + s['id']
            if 'source' in s:
                s['source'] = [p + x for x in s['source']]
            gold['statements'].append(s)
        for r in g['relations']:
            r = dict(r)
            r['from'] = p + r['from']
            r['to'] = [p + x for x in r['to']] if isinstance(r['to'], list) else p + r['to']
            gold['relations'].append(r)
    out = subprocess.run([binp, 'extract', *files, '--format', 'json'], capture_output=True, text=True, check=True).stdout
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as t:
        t.write(out)
    st, rel, act = S.load_pred([t.name])
    os.unlink(t.name)
    m, _ = S.score(gold, st, rel, act)
    print(f"fixtures-{lang} ({len(files)} articles): " + " ".join(f"{k}={v}" for k, v in m.items()))

#!/usr/bin/env bash
# The big-input promises of docs/limits.md, checked on the release binary (too slow for the debug
# build of `cargo test`; .ci/run calls this script):
#   1. a 50 MB article without punctuation is extracted (cut into 4,000-byte pieces), well within a
#      time limit;
#   2. a run interrupted (SIGINT) while it writes a large report leaves either the previous output or
#      the complete new one, and no temporary file.
# Usage: scripts/check-limits.sh   (builds target/release/claimgraph first)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin claimgraph
target=${CARGO_TARGET_DIR:-target}
bin=$target/release/claimgraph
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fail() { echo "check-limits: $*" >&2; exit 1; }

# 1. 50 MB of words, no punctuation, no line break.
phrase="chiến dịch quân sự biên giới Armenia tuyên bố người dân Nga cho biết"
lines=$(( 50000000 / (${#phrase} + 1) + 1 ))
awk -v p="$phrase" -v n="$lines" 'BEGIN { for (i = 0; i < n; i++) printf "%s ", p }' > "$work/big.txt"
size=$(stat -c %s "$work/big.txt")
[ "$size" -ge 50000000 ] || fail "the generated article has $size bytes"
start=$(date +%s)
timeout 120 "$bin" extract "$work/big.txt" -o "$work/big.json" || fail "extracting 50 MB failed or took over 120 s"
out=$(stat -c %s "$work/big.json")
echo "50 MB article without punctuation: extracted in $(( $(date +%s) - start )) s, statement file $out bytes"
[ "$out" -gt 50000000 ] || fail "the statement file is only $out bytes"

# 2. Interrupt a run while the report is being written.
# 200,000 statements in a chain of supports and disputes (awk: nothing to build).
awk 'BEGIN {
  n = 200000; print "{\"statements\": ["
  for (i = 0; i < n; i++) printf "{\"id\": \"s%d\", \"source\": \"Actor %d\", \"text\": \"statement %d about the long story\"}%s\n", i, i % 50, i, (i < n - 1 ? "," : "")
  print "], \"relations\": ["
  for (i = 1; i < n; i++) printf "{\"from\": \"s%d\", \"to\": \"s%d\", \"type\": \"%s\"}%s\n", i, i - 1, (i % 7 == 0 ? "disputes" : "supports"), (i < n - 1 ? "," : "")
  print "]}"
}' > "$work/set.json"
mkdir "$work/out"
echo "previous report" > "$work/out/report.json"
"$bin" analyze "$work/set.json" --format json -o "$work/out/report.json" 2>/dev/null &
pid=$!
seen=0
for _ in $(seq 1 6000); do   # up to 60 s
  if [ "$(ls -A "$work/out" | wc -l)" -gt 1 ]; then seen=1; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.01
done
kill -INT "$pid" 2>/dev/null || true
code=0; wait "$pid" || code=$?
case $code in 0|130) ;; *) fail "interrupted run exited $code" ;; esac
[ "$(ls -A "$work/out")" = "report.json" ] || fail "left behind: $(ls -A "$work/out")"
if [ "$(cat "$work/out/report.json")" != "previous report" ]; then
  grep -q '"statements": 200000' "$work/out/report.json" || fail "a partial report was left"
fi
echo "interrupted run (temporary file seen: $seen, exit $code): no partial output, no temporary file"
echo "check-limits: ok"

#!/usr/bin/env bash
# Time and peak memory of `claimgraph analyze` on a generated statement file
# (default 100k statements, 200k relations). Needs GNU time (Debian: apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}; m=${2:-200000}
cargo build --release --quiet --example generate_statements --bin claimgraph
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
target/release/examples/generate_statements "$n" "$m" > "$work/big.json"
echo "input: $n statements, $m relations, $(du -h "$work/big.json" | cut -f1)"
for f in json text; do
  /usr/bin/time -f "analyze --format $f: %e s wall, %M KiB peak RSS" \
    target/release/claimgraph analyze "$work/big.json" --format $f -o "$work/out.$f"
done

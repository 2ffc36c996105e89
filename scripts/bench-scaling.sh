#!/usr/bin/env bash
# Time and peak memory of `claimgraph extract` on 1x, 8x and 64x a corpus:
# 1x = 366 articles of the Vietnamese sample, 8x = 2,928 (the whole sample),
# 64x = the whole sample 8 times (23,424 articles, repeated copies included,
# so wire-copy grouping is exercised). The corpus is read where it is and
# never copied into the project. Needs GNU time (Debian: apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/vi-news-2017-sample.txt}
[ -f "$corpus" ] || { echo "no corpus at $corpus"; exit 2; }
cargo build --release --quiet --bin claimgraph
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/all"
awk -v dir="$work/all" 'BEGIN { RS = "" } { f = sprintf("%s/%05d.txt", dir, NR); print > f; close(f) }' "$corpus"
total=$(ls "$work/all" | wc -l)
mkdir -p "$work/x1" "$work/x8" "$work/x64"
ls "$work/all" | head -n 366 | while read -r f; do cp "$work/all/$f" "$work/x1/"; done
ls "$work/all" | head -n 2928 | while read -r f; do cp "$work/all/$f" "$work/x8/"; done
for k in 1 2 3 4 5 6 7 8; do
  for f in "$work"/all/*.txt; do cp "$f" "$work/x64/c$k-$(basename "$f")"; done
done
echo "corpus: $total articles"
for n in x1 x8 x64; do
  size=$(du -sh "$work/$n" | cut -f1)
  count=$(ls "$work/$n" | wc -l)
  /usr/bin/time -f "$n: $count articles, $size: %e s wall, %M KiB peak RSS" \
    target/release/claimgraph extract "$work/$n" -o "$work/$n.json"
done

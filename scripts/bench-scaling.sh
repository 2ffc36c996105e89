#!/usr/bin/env bash
# The user's command end to end: `claimgraph extract DIR -o out.json` on the
# corpus sample split into its articles (1x) and on 8 distinct copies of it
# (8x), with 1 and 2 threads. Prints wall time, MB/s, peak memory (GNU time)
# and the 8x/1x time ratio, and checks that the statement file does not
# depend on the thread count.
#
#   scripts/bench-scaling.sh [CORPUS] [COPIES]    (defaults: the shared sample, 8)
#   CLAIMGRAPH=path/to/claimgraph scripts/bench-scaling.sh    (time that binary instead)
#
# Copy 1 is the sample as it is. In copy k > 1 every word that is not a
# number and appears nowhere in data/lexicons or data/actors gets the suffix
# "zk" ("giáp" → "giápz3"): cue words, stop words, titles and the gazetteer's
# names stay, so extraction finds the same kind of statements, but their
# content words differ from copy to copy, as 8 times the news would. Wire-copy
# grouping (same source, same folded words) does not collapse the copies, and
# linking indexes 8 times the terms. The corpus is read where it is and never
# copied into the project; the split lives in a temporary directory.
# Needs GNU time (Debian: apt-get install time) and perl.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/vi-news-2017-sample.txt}
copies=${2:-8}
[ -f "$corpus" ] || { echo "no corpus at $corpus"; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)"; exit 2; }
if [ -n "${CLAIMGRAPH:-}" ]; then
  bin=$CLAIMGRAPH # another build to compare with (it needs --threads)
else
  cargo build --release --quiet --bin claimgraph
  bin=${CARGO_TARGET_DIR:-target}/release/claimgraph
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# One article per block (title, lead, body, blank line), as the corpus README says.
split() { # split K DIR: copy K of the corpus, one file per article
  mkdir -p "$2"
  perl -CSD -Mutf8 -e '
    my ($k, $dir, $corpus, @data) = @ARGV;
    my %keep;
    for my $f (@data) {
      open my $d, "<:encoding(UTF-8)", $f or die $!;
      local $/; my $t = <$d>;
      $keep{lc $1} = 1 while $t =~ /(\w+)/g;
    }
    local $/ = "";
    open my $in, "<:encoding(UTF-8)", $corpus or die $!;
    my $n = 0;
    while (my $block = <$in>) {
      $n++;
      $block =~ s/(\w+)/my $w = $1; ($w =~ \/\d\/ || $keep{lc $w}) ? $w : "${w}z$k"/ge if $k > 1;
      open my $out, ">:encoding(UTF-8)", sprintf("%s/%05d.txt", $dir, $n) or die $!;
      print $out $block;
      close $out;
    }' "$1" "$2" "$corpus" data/lexicons/*.json data/actors/*.json
}
split 1 "$work/x1"
for k in $(seq 1 "$copies"); do
  split "$k" "$work/x$copies/c$k"
done

bytes() { du -sb --apparent-size "$1" | cut -f1; }
printf '%-4s %9s %8s %8s %9s %12s %8s\n' input articles MB threads "wall s" "MB/s" "peak MB"
declare -A wall
for n in x1 "x$copies"; do
  size=$(bytes "$work/$n")
  count=$(find "$work/$n" -name '*.txt' | wc -l)
  for t in 1 2; do
    /usr/bin/time -o "$work/time" -f "%e %M" \
      "$bin" extract "$work/$n" -o "$work/$n-$t.json" --threads "$t"
    read -r secs kib < "$work/time"
    wall[$n-$t]=$secs
    awk -v n="$n" -v c="$count" -v b="$size" -v t="$t" -v s="$secs" -v k="$kib" 'BEGIN {
      printf "%-4s %9d %8.1f %8d %9.2f %12.1f %8.0f (%.1fx the input)\n",
        n, c, b / 1e6, t, s, b / 1e6 / (s > 0 ? s : 0.01), k * 1024 / 1e6, k * 1024 / b }'
  done
  cmp -s "$work/$n-1.json" "$work/$n-2.json" || { echo "$n: the statement file differs between 1 and 2 threads"; exit 1; }
  wires=$(grep -c '(a wire copy)' "$work/$n-1.json" || true)
  echo "$n: same statement file with 1 and 2 threads; $(grep -c '"id": "[^"]*/s[0-9]*"' "$work/$n-1.json" || true) statements, $wires wire-copy relations"
done
for t in 1 2; do
  awk -v t="$t" -v a="${wall[x1-$t]}" -v b="${wall[x$copies-$t]}" -v k="$copies" \
    'BEGIN { printf "%d thread(s): %dx the input takes %.2fx the time\n", t, k, b / (a > 0 ? a : 0.01) }'
done
awk -v a="${wall[x1-1]}" -v b="${wall[x1-2]}" 'BEGIN { printf "x1: 2 threads %.2fx as fast as 1\n", a / (b > 0 ? b : 0.01) }'
awk -v a="${wall[x$copies-1]}" -v b="${wall[x$copies-2]}" -v k="$copies" \
  'BEGIN { printf "x%d: 2 threads %.2fx as fast as 1\n", k, a / (b > 0 ? b : 0.01) }'

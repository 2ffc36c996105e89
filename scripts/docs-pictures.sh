#!/usr/bin/env bash
# Regenerates the pictures docs/guide.md and README.md show, from the bundled
# articles (data/articles/vi/):
#   docs/seeds-contradictions.png  the default picture (the dispute), builtin engine (README, guide)
#   docs/seeds-graphviz.png        the same view drawn by Graphviz (needs `dot`)
#   docs/seeds-actors.png          the actor view (what large inputs get), builtin engine
#   docs/seeds-report.html         the HTML report
#   docs/seeds-report.png          a screenshot of it with a statement selected (needs chromium)
# Pictures needing a missing tool are skipped with a note.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --bin claimgraph
bin=${CARGO_TARGET_DIR:-target}/debug/claimgraph
seeds=data/articles/vi/

"$bin" render "$seeds" -o docs/seeds-contradictions.png --engine builtin
"$bin" render "$seeds" -o docs/seeds-actors.png --engine builtin --max-nodes 5 2>/dev/null
"$bin" render "$seeds" -o docs/seeds-report.html
if command -v dot >/dev/null; then
  "$bin" render "$seeds" -o docs/seeds-graphviz.png --engine graphviz
else
  echo "docs-pictures: graphviz is not installed: docs/seeds-graphviz.png not redrawn" >&2
fi
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -n "$browser" ]; then
  profile=$(mktemp -d); trap 'rm -rf "$profile"' EXIT
  "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-dev-shm-usage \
    --disable-background-networking --user-data-dir="$profile" --hide-scrollbars \
    --screenshot="$PWD/docs/seeds-report.png" --window-size=1400,1000 \
    "file://$PWD/docs/seeds-report.html#select=armenia-azerbaijan-border-2022%2Fs5" 2>/dev/null
else
  echo "docs-pictures: chromium is not installed: docs/seeds-report.png not redrawn" >&2
fi
for f in docs/seeds-*.png; do
  echo "$f: $(file -b "$f" | cut -d, -f2 | tr -d ' ')"
done

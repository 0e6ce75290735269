#!/usr/bin/env bash
# Export at scale: N generated articles (default 100,000; ../shared/tools/gencorpus.py),
# then every match of a broad search exported through the server (/export.csv) and the
# command line (rencai export), with the server's RSS before and its peak after, the command's
# peak RSS, the rows against /api/search's total, and a parse of the CSV.
#
#   bash benches/export.sh [N]        (needs python3, curl, ../shared; BENCH_DIR keeps corpora)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "${work:-}"' EXIT
source benches/corpus.sh

bin=./target/release/rencai
data="$work/data"
"$bin" ingest --data "$data" "$corpus" | tail -1
port=18083
base="http://127.0.0.1:$port"
q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("人才"))')

"$bin" serve --data "$data" --addr "127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
until curl -fs "$base/healthz" >/dev/null; do sleep 0.05; done
rss() { awk -v k="$1" '$1 == k":" {print int($2 / 1024)}' "/proc/$server/status"; }
echo "server: RSS $(rss VmRSS) MB before"
# Every article (a listing), then a broad query.
for query in "" "q=$q"; do
  total=$(curl -fs "$base/api/search?$query&per_page=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  curl -fs "$base/export.csv?$query" -o "$work/out.csv" \
    -w "export.csv?$query: %{size_download} bytes in %{time_total} s (first byte after %{time_starttransfer} s)\n"
  echo "server: RSS $(rss VmRSS) MB after, peak so far $(rss VmHWM) MB"
  python3 - "$work/out.csv" "$total" <<'PY'
import csv, sys
path, total = sys.argv[1], int(sys.argv[2])
with open(path, encoding="utf-8-sig", newline="") as f:
    rows = sum(1 for _ in csv.DictReader(f))
print(f"  parses: {rows} rows; /api/search total {total}: {'equal' if rows == total else 'DIFFERENT'}")
PY
done
kill "$server"; wait "$server" 2>/dev/null || true

/usr/bin/time -f '%e %M' -o "$work/cli.time" "$bin" export --data "$data" --format jsonl \
  -o "$work/out.jsonl" 2>/dev/null
read -r wall peak <"$work/cli.time"
echo "rencai export --format jsonl: $(wc -l <"$work/out.jsonl") lines, $(stat -c %s "$work/out.jsonl") bytes in $wall s, peak RSS $((peak / 1024)) MB"

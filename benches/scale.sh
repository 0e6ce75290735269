#!/usr/bin/env bash
# Scale benchmark: N synthetic articles in real-scrape shapes (../shared/tools/gencorpus.py),
# ingested, reindexed and served, with wrk per query class.
#
#   bash benches/scale.sh [N] [seconds per class]        (needs wrk, python3, ../shared)
#
# Prints ingest wall time, MB/s and peak RSS, the data directory's size against the corpus,
# reindex time, serve start-up time and RSS, then p50/p99 per query class (broad, narrow,
# filtered, phrase, listing, article page) and each class's first, uncached answer.
# BENCH_DIR keeps generated corpora between runs (default: a temporary directory).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
secs=${2:-10}
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "${work:-}"' EXIT
source benches/corpus.sh

bin=./target/release/rencai
data="$work/data"
/usr/bin/time -f '%e %M' -o "$work/ingest.time" "$bin" ingest --data "$data" "$corpus" | tail -1
read -r wall rss <"$work/ingest.time"
awk -v w="$wall" -v r="$rss" -v b="$corpus_bytes" -v n="$n" 'BEGIN {
  printf "ingest: %.1f s wall, %.2f MB/s, %.0f articles/s, %.0f µs per article, peak RSS %.0f MB\n",
    w, b / w / 1e6, n / w, w / n * 1e6, r / 1024 }'
data_bytes=$(du -sb "$data" | cut -f1)
awk -v d="$data_bytes" -v b="$corpus_bytes" -v db="$(du -sb "$data/rencai.db" | cut -f1)" \
    -v ix="$(du -sb "$data/index" | cut -f1)" 'BEGIN {
  printf "data directory: %.0f MB (database %.0f MB, index %.0f MB) = %.2f x the corpus\n",
    d / 1e6, db / 1e6, ix / 1e6, d / b }'
/usr/bin/time -f '%e %M' -o "$work/reindex.time" "$bin" reindex --data "$data"
read -r wall rss <"$work/reindex.time"
echo "reindex: $wall s wall, peak RSS $((rss / 1024)) MB"

port=18081
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
# Serves the archive (with the given extra flags), reports start-up, then wrk per class.
measure() {
  local label=$1; shift
  local started ready id out
  started=$(date +%s.%N)
  "$bin" serve --data "$data" --addr "127.0.0.1:$port" "$@" >/dev/null 2>&1 &
  server=$!
  until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.02; done
  ready=$(date +%s.%N)
  echo
  echo "serve ($label): answering after $(awk -v a="$started" -v b="$ready" 'BEGIN {printf "%.2f", b - a}') s, RSS $(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$server/status") MB"
  id=$(curl -fs "http://127.0.0.1:$port/api/search?q=$(enc 人才引进)&per_page=1" | sed -n 's/.*"id":"\([a-z0-9]*\)".*/\1/p')
  local classes=(
    "broad|/api/search?q=$(enc 人才)"
    "narrow|/api/search?q=$(enc 揭榜挂帅)"
    "filtered|/api/search?q=$(enc 科技创新)&province=$(enc 山东省)&year=2020"
    "phrase|/api/search?q=$(enc '"人才引进"')"
    "listing|/api/search?year=2020&page=50"
    "article|/articles/$id"
  )
  printf '| class | path | first answer | requests/s | p50 | p99 |\n|---|---|---|---|---|---|\n'
  for entry in "${classes[@]}"; do
    local class=${entry%%|*} path=${entry#*|} first
    first=$(curl -fs -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port$path")
    out=$(wrk -t2 -c8 -d"${secs}s" --latency "http://127.0.0.1:$port$path")
    printf '| %s | `%s` | %.1f ms | %s | %s | %s |\n' "$class" \
      "$(python3 -c 'import sys, urllib.parse; print(urllib.parse.unquote(sys.argv[1]))' "$path")" \
      "$(awk -v t="$first" 'BEGIN {print t * 1000}')" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
      "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")"
  done
  kill "$server"; wait "$server" 2>/dev/null || true
}
measure "query cache on, the default"
measure "query cache off: every search counts and ranks" --no-query-cache

#!/usr/bin/env bash
# Offers compared at scale: N generated articles (default 100,000; ../shared/tools/gencorpus.py),
# then /api/offers for every region (cold, then from the comparison cache), for one kind and
# one degree, /offers.csv, and searches filtered and counted by validity and benefit, each
# timed by curl, with the server's RSS.
#
#   bash benches/offers.sh [N]        (needs python3, curl, wrk, ../shared; BENCH_DIR keeps corpora)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "${work:-}"' EXIT
source benches/corpus.sh

bin=./target/release/rencai
data="$work/data"
"$bin" ingest --data "$data" "$corpus" | tail -1
port=18084
base="http://127.0.0.1:$port"
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

"$bin" serve --data "$data" --addr "127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
until curl -fs "$base/healthz" >/dev/null; do sleep 0.05; done
rss() { awk -v k="$1" '$1 == k":" {print int($2 / 1024)}' "/proc/$server/status"; }
echo "server: RSS $(rss VmRSS) MB before"
time_it() {
  curl -fs "$base$1" -o "$work/out" -w "$1: %{size_download} bytes in %{time_total} s\n"
}
kind=$(enc 安家补贴)
for path in "/api/offers" "/api/offers" "/api/offers?kind=$kind" "/api/offers?kind=$kind&degree=$(enc 博士)" \
  "/offers.csv?kind=$kind" "/api/search?validity=$(enc 现行有效)&per_page=1" \
  "/api/search?benefit=$kind&per_page=1" "/api/search?q=$(enc 人才)&validity=$(enc 现行有效)&per_page=1"; do
  time_it "$path"
done
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("  total", d["total"], "validity", d["facets"]["validity"], "benefit", d["facets"]["benefit"][:4])' "$work/out"
echo "server: RSS $(rss VmRSS) MB after, peak $(rss VmHWM) MB"
kill "$server"; wait "$server" 2>/dev/null || true

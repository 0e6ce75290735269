#!/usr/bin/env bash
# Side by side in one run, on the same N articles (default 30000) from
# ../shared/tools/gencorpus.py: bare jieba over the same bytes (the floor), rencai ingesting the
# scrape-shaped files, Meilisearch indexing the same articles as clean JSON; then both servers
# under wrk at 32 connections over the same queries, with facets and snippets on both sides.
#
#   MEILI=/path/to/meilisearch bash benches/peers.sh [N] [seconds]
#
# Meilisearch v1.50.0 is built from source by ../shared/tools/meilisearch/build.sh; the bare
# jieba floor by ../shared/tools/jieba-baseline. Needs wrk, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-30000}
secs=${2:-15}
meili=${MEILI:?set MEILI to the meilisearch binary}
trap 'kill "${rencai_pid:-}" "${meili_pid:-}" 2>/dev/null || true; rm -rf "${work:-}"' EXIT
source benches/corpus.sh
bytes=$corpus_bytes

# The floor: one thread of jieba search-mode segmentation over the same bytes.
CARGO_TARGET_DIR="$work/jieba-target" cargo build --release --quiet \
  --manifest-path ../shared/tools/jieba-baseline/Cargo.toml
jieba_out=$("$work/jieba-target/release/jieba-baseline" "$corpus")
jieba_bps=$(sed -n 's/.*bytes_per_s=\([0-9]*\).*/\1/p' <<<"$jieba_out")
echo "bare jieba, one thread: $(awk -v b="$jieba_bps" 'BEGIN {printf "%.1f MB/s", b / 1e6}')"

# rencai: the scrape-shaped files, end to end (decode, extract, place, dedupe, store, index).
start=$(date +%s.%N)
./target/release/rencai ingest --data "$work/rencai" "$corpus" | tail -1
rencai_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')

# Meilisearch: the same articles as clean JSON, facets filterable.
meili_url=http://127.0.0.1:17700
"$meili" --db-path "$work/meili" --http-addr 127.0.0.1:17700 --no-analytics --env development \
  --http-payload-size-limit 10Gb >"$work/meili.log" 2>&1 &
meili_pid=$!
until curl -fs "$meili_url/health" >/dev/null; do sleep 0.2; done
wait_task() {
  until curl -fs "$meili_url/tasks/$1" | grep -Eq '"status":"(succeeded|failed)"'; do sleep 0.2; done
  curl -fs "$meili_url/tasks/$1" | grep -q '"status":"succeeded"' || { curl -s "$meili_url/tasks/$1"; exit 1; }
}
task() { sed -n 's/.*"taskUid":\([0-9]*\).*/\1/p'; }
wait_task "$(curl -fs -X POST "$meili_url/indexes" -H 'Content-Type: application/json' \
  -d '{"uid":"articles","primaryKey":"id"}' | task)"
wait_task "$(curl -fs -X PATCH "$meili_url/indexes/articles/settings" -H 'Content-Type: application/json' \
  -d '{"searchableAttributes":["title","body"],"filterableAttributes":["province","city","year"]}' | task)"
start=$(date +%s.%N)
wait_task "$(curl -fs -X POST "$meili_url/indexes/articles/documents" -H 'Content-Type: application/x-ndjson' \
  --data-binary "@$corpus.jsonl" | task)"
meili_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')

awk -v r="$rencai_s" -v m="$meili_s" -v b="$bytes" -v j="$jieba_bps" 'BEGIN {
  printf "| ingest | wall | MB/s of files |\n|---|---|---|\n"
  printf "| rencai (files, end to end) | %.1f s | %.2f |\n", r, b / r / 1e6
  printf "| Meilisearch (clean JSON) | %.1f s | %.2f |\n", m, b / m / 1e6
  printf "| bare jieba, one thread | %.1f s | %.2f |\n", b / j, j / 1e6
  printf "rencai / Meilisearch speed: %.1fx; rencai / bare jieba: %.2fx\n", m / r, (b / r) / j }'

# Search at 32 connections: the same queries, each engine returning 20 hits with a snippet
# (Meilisearch: crop and highlight) and facet counts (province, city, year).
start_rencai() {
  ./target/release/rencai serve --data "$work/rencai" --addr 127.0.0.1:18082 "$@" >/dev/null 2>&1 &
  rencai_pid=$!
  until curl -fs http://127.0.0.1:18082/healthz >/dev/null; do sleep 0.1; done
}
queries=(人才 创新 博士后 人才公寓 科技创新 高层次人才 安家补贴 知识产权 揭榜挂帅 营商环境)
python3 - "$work" "${queries[@]}" <<'PY'
import json, sys, urllib.parse
work, queries = sys.argv[1], sys.argv[2:]
def lua(requests):
    items = ",\n".join("{%s, %s}" % (json.dumps(p, ensure_ascii=False), json.dumps(b, ensure_ascii=False)) for p, b in requests)
    return ("local reqs = {\n%s\n}\nlocal i = 0\nrequest = function()\n  i = i %% #reqs + 1\n"
            "  local r = reqs[i]\n  if r[2] == \"\" then return wrk.format(\"GET\", r[1]) end\n"
            "  return wrk.format(\"POST\", r[1], {[\"Content-Type\"] = \"application/json\"}, r[2])\nend\n" % items)
open(f"{work}/rencai.lua", "w").write(lua(
    [("/api/search?per_page=20&q=" + urllib.parse.quote(q), "") for q in queries]))
open(f"{work}/meili.lua", "w").write(lua(
    [("/indexes/articles/search", json.dumps({"q": q, "limit": 20, "facets": ["province", "city", "year"],
      "attributesToCrop": ["body"], "cropLength": 40, "attributesToHighlight": ["title", "body"]},
      ensure_ascii=False)) for q in queries]))
PY
# Requests answered 200 per second (a search turned away with 503 is counted apart), and the
# latency of all of them.
row() {
  local out
  out=$(wrk -t2 -c32 -d"${secs}s" --latency -s "$2" "$3")
  awk -v label="$1" -v secs="$secs" '
    /requests in/ { total = $1 }
    /Non-2xx or 3xx responses/ { refused = $NF }
    $1 == "50%" { p50 = $2 }
    $1 == "99%" { p99 = $2 }
    END { printf "| %s | %.2f | %d | %s | %s |\n", label, (total - refused) / secs, refused, p50, p99 }' <<<"$out"
}
printf '| search, 32 connections | answered 200 per s | turned away (503) | p50 | p99 |\n|---|---|---|---|---|\n'
start_rencai
row "rencai (query cache on, the default)" "$work/rencai.lua" http://127.0.0.1:18082
kill "$rencai_pid"; wait "$rencai_pid" 2>/dev/null || true
start_rencai --no-query-cache
row "rencai (query cache off)" "$work/rencai.lua" http://127.0.0.1:18082
row Meilisearch "$work/meili.lua" "$meili_url"

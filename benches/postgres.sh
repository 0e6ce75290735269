#!/usr/bin/env bash
# PostgreSQL next to SQLite, in one run: the same files ingested into each (MB/s of files read),
# then the time a new serve node takes to build its index from PostgreSQL, from start until
# /healthz answers ready. SQLite's ingest also builds the index; an ingest into PostgreSQL
# keeps none (the nodes build theirs), so both halves of PostgreSQL's work are shown.
#
#   bash benches/postgres.sh [N]    N generated articles (default 100,000), and the real
#                                   regulations of ../shared/corpus when present
#   (needs python3, curl, wrk, Debian's postgresql, ../shared; BENCH_DIR keeps corpora)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
trap 'kill "${server:-}" 2>/dev/null || true; source .ci/postgres stop; rm -rf "${work:-}"' EXIT
source benches/corpus.sh
RENCAI_PG_DURABLE=1 source .ci/postgres start
bin=./target/release/rencai
port=18085

now() { date +%s.%N; }
seconds() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$2"; }
rate() { python3 -c "import sys; print(f'{int(sys.argv[1]) / 1e6 / float(sys.argv[2]):.1f}')" "$1" "$2"; }

# name, path, bytes: one line per backend, then the new node.
compare() {
  local name=$1 path=$2 bytes=$3 t0 t1 t2 t3 url
  url="${RENCAI_TEST_DATABASE%/postgres}/$name"
  psql -q "$RENCAI_TEST_DATABASE" -c "CREATE DATABASE $name"
  t0=$(now)
  "$bin" ingest --data "$work/sqlite-$name" "$path" 2>/dev/null | tail -1 || true
  t1=$(now)
  "$bin" ingest --data "$work/ingester-$name" --database "$url" "$path" 2>/dev/null | tail -1 || true
  t2=$(now)
  "$bin" serve --data "$work/node-$name" --database "$url" --addr "127.0.0.1:$port" >/dev/null 2>&1 &
  server=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")" = 200 ]; do
    sleep 0.1
  done
  t3=$(now)
  kill "$server"; wait "$server" 2>/dev/null || true
  local sqlite=$(seconds "$t0" "$t1") pg=$(seconds "$t1" "$t2") node=$(seconds "$t2" "$t3")
  echo "| $name | $bytes | SQLite, store and index: $sqlite s, $(rate "$bytes" "$sqlite") MB/s | PostgreSQL, store only: $pg s, $(rate "$bytes" "$pg") MB/s | new node's index from PostgreSQL: $node s |"
}

echo "| corpus | bytes | SQLite ingest | PostgreSQL ingest | new node ready |"
regs=../shared/corpus/local-regulations
if [ -d "$regs" ]; then
  compare regulations "$regs" "$(find -L "$regs" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%d", s}')"
fi
compare "generated_$n" "$corpus.jsonl" "$(stat -L -c %s "$corpus.jsonl")"

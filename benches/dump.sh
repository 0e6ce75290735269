#!/usr/bin/env bash
# One large crawler dump in bounded memory: ingests a JSON-lines file of any size (for example
# the OUT.jsonl that ../shared/tools/gencorpus.py writes beside its corpus) into an empty
# archive and prints the wall time, throughput and peak RSS.
#
#   bash benches/dump.sh FILE.jsonl
set -euo pipefail
cd "$(dirname "$0")/.."
dump=${1:?usage: bash benches/dump.sh FILE.jsonl}
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bytes=$(stat -L -c %s "$dump")
echo "dump: $bytes bytes, $(wc -l <"$dump") lines"
/usr/bin/time -f '%e %M' -o "$work/time" ./target/release/rencai ingest --data "$work/data" "$dump" | tail -1
read -r wall rss <"$work/time"
awk -v w="$wall" -v r="$rss" -v b="$bytes" 'BEGIN {
  printf "ingest: %.1f s wall, %.1f MB/s, peak RSS %.0f MB (%.3f of the dump)\n", w, b / w / 1e6, r / 1024, r * 1024 / b }'
echo "data directory: $(du -sh "$work/data" | cut -f1)"

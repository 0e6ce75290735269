#!/usr/bin/env bash
# Scale benchmark: ingest N synthetic articles made from ../shared/corpus (default 100000),
# then measure the index, and the server with wrk (needs wrk).
# Usage: bash benches/scale.sh [N] [seconds per page]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
secs=${2:-5}
[ -d ../shared/corpus ] || { echo "needs ../shared/corpus"; exit 2; }
cargo build --release --quiet
work=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 benches/synthesize.py "$n" "$work/in"
/usr/bin/time -f "ingest: %e s wall, %M KB peak memory" ./target/release/rencai ingest --data "$work/data" "$work/in"
/usr/bin/time -f "reindex: %e s wall, %M KB peak memory" ./target/release/rencai reindex --data "$work/data"
du -sh "$work/data/rencai.db" "$work/data/index"
port=18081
./target/release/rencai serve --data "$work/data" --addr "127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
printf '| page | requests/s | latency p50 | latency p99 |\n|---|---|---|---|\n'
for path in "/" "/api/search?q=%E4%BA%BA%E6%89%8D" "/api/search?q=%E7%A7%91%E6%8A%80%E5%88%9B%E6%96%B0&province=%E5%B1%B1%E4%B8%9C%E7%9C%81" \
            "/api/search?q=%E5%8D%9A%E5%A3%AB%E5%90%8E&sort=newest" "/api/search?q=%E9%98%B3%E6%B3%89%20OR%20%E8%BF%90%E5%9F%8E" \
            "/api/search?year=2020&page=50"; do
  out=$(wrk -t2 -c8 -d"${secs}s" --latency "http://127.0.0.1:$port$path")
  printf '| `%s` | %s | %s | %s |\n' "$path" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")"
done

#!/usr/bin/env bash
# Load test of the real server on loopback with wrk: home, search, filtered search, article,
# JSON API. Usage: bash benches/load.sh [seconds]   (needs: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 2; }
cargo build --release --quiet
data=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$data"' EXIT
corpus=(sample tests/fixtures)
[ -d ../shared/corpus ] && corpus+=(../shared/corpus)
./target/release/rencai ingest --data "$data" "${corpus[@]}" >/dev/null 2>&1 || true
port=18080
./target/release/rencai serve --data "$data" --addr "127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
id=$(curl -fs "http://127.0.0.1:$port/api/search?per_page=1" | sed -n 's/.*"id":"\([a-z0-9]*\)".*/\1/p')
printf '| page | requests/s | latency p50 | latency p99 |\n|---|---|---|---|\n'
for path in "/" "/search?q=%E4%BA%BA%E6%89%8D" "/search?q=%E5%88%9B%E6%96%B0&province=%E5%B1%B1%E4%B8%9C%E7%9C%81" \
            "/api/search?q=%E7%A7%91%E6%8A%80%E5%88%9B%E6%96%B0&sort=newest" "/articles/$id" "/static/style.css"; do
  out=$(wrk -t2 -c16 -d"${secs}s" --latency "http://127.0.0.1:$port$path")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '| `%s` | %s | %s | %s |\n' "$path" "$rps" "$p50" "$p99"
done

#!/usr/bin/env bash
# Overload: 256 connections of broad searches for N seconds against the real server over the
# sample, the fixtures and ../shared/corpus (about 6,000 articles), while /healthz is probed
# ten times a second. Run once with the query cache off (every search does all of its work)
# and once with it on (the default).
#
#   bash benches/overload.sh [seconds]        (needs wrk and curl)
#
# Prints, per run: searches per status code, wrk's socket errors (dropped connections),
# search latency p50/p99, the /healthz probes (all 200? p99, max), and whether the server
# still answers a search correctly afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 2; }
cargo build --release --quiet
work=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
corpus=(sample tests/fixtures)
[ -d ../shared/corpus ] && corpus+=(../shared/corpus)
./target/release/rencai ingest --data "$work/data" "${corpus[@]}" >/dev/null 2>&1 || true
port=18082
base="http://127.0.0.1:$port"

# Broad one- and two-character queries over several pages and orders: hundreds of distinct
# requests, so that with the cache on the first pass over them is uncached too.
cat >"$work/broad.lua" <<'LUA'
local words = {"人才", "政策", "创新", "发展", "补贴", "企业", "服务", "科技", "高校", "引进",
               "人", "才", "市", "省", "年", "工作"}
local sorts = {"relevance", "newest", "oldest"}
local threads = {}
local n = 0
function setup(thread) table.insert(threads, thread) end
function init(args) codes = {} end
local function enc(s)
  return (s:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
function request()
  n = n + 1
  local w = enc(words[(n % #words) + 1])
  local path = string.format("/api/search?q=%s&page=%d&sort=%s", w, (n % 10) + 1, sorts[(n % 3) + 1])
  return wrk.format("GET", path)
end
function response(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for code, count in pairs(t:get("codes")) do total[code] = (total[code] or 0) + count end
  end
  local parts = {}
  for code, count in pairs(total) do table.insert(parts, code .. ": " .. count) end
  table.sort(parts)
  io.write("statuses: " .. table.concat(parts, ", ") .. "\n")
  local e = summary.errors
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
    e.connect, e.read, e.write, e.timeout))
  io.write(string.format("search latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms; %.0f requests/s\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6)))
end
LUA

run() {
  local label=$1; shift
  ./target/release/rencai serve --data "$work/data" --addr "127.0.0.1:$port" "$@" >/dev/null 2>&1 &
  server=$!
  until curl -fs "$base/healthz" >/dev/null; do sleep 0.05; done
  local q="/api/search?q=%E4%BA%BA%E6%89%8D%E5%BC%95%E8%BF%9B"
  local before
  before=$(curl -fs "$base$q" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  echo
  echo "## $label: $(curl -fs "$base/healthz")"
  (
    end=$((SECONDS + secs))
    while [ $SECONDS -lt $end ]; do
      curl -s -o /dev/null -m 5 -w '%{http_code} %{time_total}\n' "$base/healthz" || echo "000 5"
      sleep 0.1
    done
  ) >"$work/health.txt" &
  local prober=$!
  wrk -t2 -c256 -d"${secs}s" --timeout 10s -s "$work/broad.lua" "$base" | sed -n '/^statuses/,$p'
  wait "$prober"
  sort -k2 -n "$work/health.txt" | awk '
    { n++; if ($1 != "200") bad++; t[n] = $2 }
    END { i = int(n * 0.99); if (i < 1) i = 1
          printf "healthz: %d probes, %d not 200, p99 %.1f ms, max %.1f ms\n",
          n, bad + 0, t[i] * 1000, t[n] * 1000 }'
  local after
  after=$(curl -fs "$base$q" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  echo "afterwards: healthz $(curl -s -o /dev/null -w '%{http_code}' "$base/healthz"), the same search finds $after articles (before: $before)"
  kill "$server"
  wait "$server" 2>/dev/null || true
}

echo "archive: $(./target/release/rencai check --data "$work/data" --quick | head -1)"
run "query cache off" --no-query-cache
run "query cache on (the default)"

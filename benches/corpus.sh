# Sourced by the benchmark scripts: checks the tools, builds the release binary, and sets
# $work (a temporary directory, removed on exit by the caller's trap), $corpus (N generated
# articles from ../shared/tools/gencorpus.py, with $corpus.jsonl beside it; kept in BENCH_DIR
# between runs when set) and $corpus_bytes. Needs $n.
gen=../shared/tools/gencorpus.py
[ -f "$gen" ] || { echo "needs $gen"; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 2; }
cargo build --release --quiet
work=$(mktemp -d)
corpus="${BENCH_DIR:-$work}/c$n"
[ -d "$corpus" ] || python3 "$gen" "$corpus" "$n" >/dev/null
corpus_bytes=$(find -L "$corpus/" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%d", s}')
echo "corpus: $n articles, $corpus_bytes bytes of files, $(stat -L -c %s "$corpus.jsonl") bytes of JSON ($(nproc) cores)"

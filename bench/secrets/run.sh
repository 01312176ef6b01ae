#!/usr/bin/env bash
# Secret detection benchmark: throughput of `scanner secrets` against tokenising the same files and against
# secretlint, plus secretlint's recall on the labelled corpus. Writes everything to bench/out/secrets/
# (git-ignored) and prints bench/out/secrets/summary.md.
#
#   bench/secrets/run.sh [COUNT]            COUNT flow definitions in the large corpus (default 20000)
#   SECRETLINT_SAMPLE=1000                  files of that corpus given to secretlint (it is much slower)
#   SECRETLINT_DIR=/tmp/secretlint-bench    where secretlint is npm-installed (never into the repository)
set -euo pipefail
cd "$(dirname "$0")/../.."

count=${1:-20000}
sample=${SECRETLINT_SAMPLE:-1000}
secretlint_dir=${SECRETLINT_DIR:-/tmp/secretlint-bench}
out=bench/out/secrets
corpus=$out/corpus-$count
labelled=$out/labelled-300
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== build (Release)"
dotnet build -c Release tests/TestKit/SecretCorpus/SecretCorpus.csproj -v q -nologo >/dev/null
dotnet build -c Release bench/SecretBench/SecretBench.csproj -v q -nologo >/dev/null
dotnet build -c Release src/Scanner/Scanner.csproj -v q -nologo >/dev/null
generator=tests/TestKit/SecretCorpus/bin/Release/net10.0/secret-corpus.dll
bench=bench/SecretBench/bin/Release/net10.0/secret-bench.dll
scanner=src/Scanner/bin/Release/net10.0/scanner.dll

echo "== corpora"
[ -f "$corpus/labels.jsonl" ] || dotnet "$generator" "$corpus" --count "$count" --seed 1 --filler 20
[ -f "$labelled/labels.jsonl" ] || dotnet "$generator" "$labelled" --count 300 --seed 42
du -sb "$corpus/flows" | awk '{print $1}' > "$out/corpus-bytes.txt"

echo "== secretlint ($secretlint_dir)"
if [ ! -x "$secretlint_dir/node_modules/.bin/secretlint" ]; then
  mkdir -p "$secretlint_dir"
  (cd "$secretlint_dir" && npm init -y >/dev/null && npm install --silent secretlint @secretlint/secretlint-rule-preset-recommend >/dev/null)
fi
echo '{"rules":[{"id":"@secretlint/secretlint-rule-preset-recommend"}]}' > "$secretlint_dir/.secretlintrc.json"
secretlint=("$secretlint_dir/node_modules/.bin/secretlint" --secretlintrc "$secretlint_dir/.secretlintrc.json" --format json)
(cd "$secretlint_dir" && npm ls secretlint --depth=0 2>/dev/null | grep secretlint@ | sed 's/.*secretlint@/secretlint /' > "$OLDPWD/$out/secretlint-version.txt" || true)

echo "== throughput: tokenise only (Utf8JsonReader, both cores)"
/usr/bin/time -v dotnet "$bench" tokenize "$corpus/flows" > "$out/tokenize.json" 2> "$out/tokenize-time.txt"
echo "== throughput: tokenise, and also the JSON documents held in strings (clientdata), as the detector does"
/usr/bin/time -v dotnet "$bench" tokenize-embedded "$corpus/flows" > "$out/tokenize-embedded.json" 2> "$out/tokenize-embedded-time.txt"
echo "== throughput: secret detection library (both cores)"
/usr/bin/time -v dotnet "$bench" detect "$corpus/flows" > "$out/detect.json" 2> "$out/detect-time.txt"
echo "== the ratios alone: tokenise, tokenise with embedded JSON and detect, passes back to back in one process"
dotnet "$bench" interleaved "$corpus/flows" > "$out/interleaved.json"
echo "== the work alone: files in memory, one thread (tokenise, tokenise with embedded JSON, detect)"
for mode in tokenize tokenize-embedded detect; do
  dotnet "$bench" "$mode-in-memory" "$corpus/flows" > "$out/$mode-in-memory.json"
done
echo "== end to end: scanner secrets --format json"
set +e
/usr/bin/time -v dotnet "$scanner" secrets "$corpus/flows" --format json --out "$out/scanner-report.json" > /dev/null 2> "$out/scanner-time.txt"
echo "== secretlint on $sample files"
find "$corpus/flows" -name '*.json' | sort | head -n "$sample" > "$out/secretlint-sample.txt"
xargs -a "$out/secretlint-sample.txt" du -cb | tail -1 | awk '{print $1}' > "$out/secretlint-sample-bytes.txt"
/usr/bin/time -v "${secretlint[@]}" $(cat "$out/secretlint-sample.txt") > "$out/secretlint-sample.json" 2> "$out/secretlint-time.txt"
/usr/bin/time -v "${secretlint[@]}" "$(head -n 1 "$out/secretlint-sample.txt")" > /dev/null 2> "$out/secretlint-startup-time.txt"
echo "== recall on the labelled corpus: secretlint and scanner"
"${secretlint[@]}" "$labelled"/flows/*.json > "$out/secretlint-labelled.json"
dotnet "$scanner" secrets "$labelled/flows" --format json --out "$out/scanner-labelled.json" > /dev/null
set -e
python3 bench/secrets/summarise.py "$out" "$labelled" > "$out/summary.md"
cat "$out/summary.md"

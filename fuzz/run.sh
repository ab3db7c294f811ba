#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sextant: builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz/ and runs each for SECONDS.
#
# Usage: fuzz/run.sh [SECONDS=60] [target...]   targets: fuzz_parser fuzz_introspection fuzz_response fuzz_validator
# Needs clang and libFuzzer (Debian 12: apt-get install clang libclang-rt-14-dev). Seed corpora come from
# tests/fixtures; the growing corpus stays in build-fuzz/corpus/<target>, crashes and hangs land in
# build-fuzz/artifacts/. Environment: SEXTANT_FUZZ_BUILD_DIR (default build-fuzz), SEXTANT_JOBS (default 2).
# Exits non-zero when any target found a crash, a hang or a leak; the reproducer path is printed.
set -euo pipefail

seconds=${1:-60}
shift || true
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${SEXTANT_FUZZ_BUILD_DIR:-"$root/build-fuzz"}
targets=("$@")
((${#targets[@]})) || targets=(fuzz_parser fuzz_introspection fuzz_response fuzz_validator)
fixtures="$root/tests/fixtures"

command -v clang++ >/dev/null || { echo "error: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }

CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DSEXTANT_FUZZ=ON -DSEXTANT_BUILD_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel "${SEXTANT_JOBS:-2}" --target "${targets[@]}"

# Seeds: parser <- every query, SDL and validation vector document (first byte 0x00 = UTF-8, see fuzz_parser.cpp);
# validator <- the small schema's queries and validation vectors, as they are;
# introspection <- the small schema's introspection result (65 KB: the 0.4-0.6 MB Dagger and Dagster ones run
# ~25 times a second under ASan, too slow to mutate); response <- every response fixture.
seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{fuzz_parser,fuzz_introspection,fuzz_response,fuzz_validator}
n=0
for file in "$fixtures"/queries/*/*.graphql "$fixtures"/queries/_expected_failures/*/*.graphql \
    "$fixtures"/schemas/small/schema.graphql "$fixtures"/schemas/dagger/schema.graphql; do
    [[ -f $file ]] || continue
    { printf '\0'; cat "$file"; } >"$seeds/fuzz_parser/file$((n++))"
done
python3 - "$fixtures/validation" "$seeds/fuzz_parser" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[2])
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.jsonl")):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            data = case["document"].encode("utf-8", "surrogatepass")
            (out / case["id"]).write_bytes(b"\0" + data)
            if case["id"].startswith("small-"):
                (out.parent / "fuzz_validator" / case["id"]).write_bytes(data)
PY
cp "$fixtures"/queries/small/*.graphql "$seeds/fuzz_validator/"
cp "$fixtures/schemas/small/introspection.json" "$seeds/fuzz_introspection/small.json"
cp "$fixtures"/responses/*.json "$fixtures"/responses/*.jsonl "$seeds/fuzz_response/"

declare -A max_len=([fuzz_parser]=65536 [fuzz_introspection]=131072 [fuzz_response]=262144 [fuzz_validator]=16384)
failed=()
for target in "${targets[@]}"; do
    corpus="$build/corpus/$target"
    artifacts="$build/artifacts"
    mkdir -p "$corpus" "$artifacts"
    echo "==> $target for ${seconds}s"
    if ! "$build/fuzz/$target" "$corpus" "$seeds/$target" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=4096 -max_len="${max_len[$target]}" -artifact_prefix="$artifacts/$target-" \
        -print_final_stats=1 2>"$build/$target.log"; then
        failed+=("$target")
        echo "!! $target failed; see $build/$target.log and the reproducer:" >&2
        grep -E 'Test unit written to|SUMMARY' "$build/$target.log" >&2 || true
    fi
    grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+ +DONE' "$build/$target.log" || true
done
if ((${#failed[@]})); then
    echo "findings in: ${failed[*]} (reproduce: $build/fuzz/<target> <artifact file>)" >&2
    exit 1
fi
echo "no findings"

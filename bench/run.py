#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Sextant: runs sextant_bench and graphqljs_bench.mjs on the same inputs in one run and prints ours, theirs, ratio.
"""Side-by-side benchmarks against graphql-js 16.15.0.

Inputs: the GitHub introspection result (tests/fixtures/schemas/github/introspection.json.gz, decompressed once
into a temporary file), the GitHub SDL (schema.graphql) and bench/github_operations.graphql (223 lines, seven
operations with fragments). Both halves time the same operations with medians of N iterations after a warm-up;
RSS is measured in a fresh process on each side. ratio = ours / theirs, so below 1.0 means Sextant is faster
(or smaller).

Usage: bench/run.py [--build-dir build] [--iterations 100] [--warmup 3]
Needs a built sextant_bench (cmake --build <dir> --target sextant_bench), node and `npm ci` in tests/reference.
"""
import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "tests", "fixtures")

ROWS = [
    ("introspection_to_schema", "GitHub introspection JSON -> schema", "IntrospectionReader::read", "JSON.parse + buildClientSchema"),
    ("parse_sdl", "parse GitHub SDL (1.2 MB)", "Parser::parse", "parse"),
    ("parse_query", "parse 223-line query", "Parser::parse", "parse"),
    ("parse_validate_query", "parse + validate 223-line query", "parse + Validator::validate", "parse + validate"),
    ("print_query", "parse + print 223-line query", "printDocument", "print(parse())"),
    ("print_sdl", "parse + print GitHub SDL", "printDocument", "print(parse())"),
    ("sdl_to_schema", "GitHub SDL -> schema", "buildSchemaFromSdl", "buildSchema (assumeValidSDL)"),
]


def run_lines(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"error: {' '.join(command)} exited with {result.returncode}:\n{result.stderr}")
    return {item["name"]: item for item in map(json.loads, result.stdout.splitlines()) if item}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default=os.environ.get("SEXTANT_BUILD_DIR", os.path.join(ROOT, "build")))
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args()

    bench = os.path.join(os.path.abspath(args.build_dir), "bench", "sextant_bench")
    node = shutil.which("node")
    if not os.access(bench, os.X_OK):
        sys.exit(f"error: {bench} is missing: cmake --build {args.build_dir} --target sextant_bench")
    if not node:
        sys.exit("error: node is not installed")
    if not os.path.isdir(os.path.join(ROOT, "tests", "reference", "node_modules", "graphql")):
        sys.exit("error: graphql-js is missing: run `npm ci` in tests/reference")

    with tempfile.TemporaryDirectory(prefix="sextant-bench-") as tmp:
        introspection = os.path.join(tmp, "github-introspection.json")
        with gzip.open(os.path.join(FIXTURES, "schemas", "github", "introspection.json.gz")) as source, \
                open(introspection, "wb") as target:
            shutil.copyfileobj(source, target)
        inputs = ["--introspection", introspection,
                  "--sdl", os.path.join(FIXTURES, "schemas", "github", "schema.graphql"),
                  "--query", os.path.join(ROOT, "bench", "github_operations.graphql"),
                  "--iterations", str(args.iterations), "--warmup", str(args.warmup)]
        js = [node, "--expose-gc", os.path.join(ROOT, "bench", "graphqljs_bench.mjs")]
        ours = run_lines([bench, *inputs])
        theirs = run_lines([*js, *inputs])
        ours.update(run_lines([bench, "--rss", "--introspection", introspection]))
        theirs.update(run_lines([*js, "--rss", "--introspection", introspection]))

    print(f"Sextant vs graphql-js {theirs_version()} (node {subprocess.run([node, '--version'], capture_output=True, text=True).stdout.strip()}), "
          f"medians of {args.iterations} runs ({max(5, args.iterations // 5)} for the 1-3 MB inputs) after {args.warmup} warm-up runs")
    header = f"{'benchmark':36} {'Sextant':>12} {'graphql-js':>12} {'ratio':>7}   ours / theirs"
    print(header)
    print("-" * len(header))
    for name, label, what_ours, what_theirs in ROWS:
        a, b = ours.get(name, {}), theirs.get(name, {})
        if "median_ms" in a and "median_ms" in b:
            ratio = a["median_ms"] / b["median_ms"] if b["median_ms"] else float("inf")
            print(f"{label:36} {a['median_ms']:9.3f} ms {b['median_ms']:9.3f} ms {ratio:7.2f}   {what_ours} / {what_theirs}")
        else:
            why = a.get("na") or b.get("na") or "missing"
            print(f"{label:36} {'n/a':>12} {fmt_ms(b):>12} {'n/a':>7}   ({why})")
    a, b = ours.get("rss_github_schema", {}), theirs.get("rss_github_schema", {})
    if "rss_kb" in a and "rss_kb" in b:
        ratio = a["rss_kb"] / b["rss_kb"] if b["rss_kb"] else float("inf")
        print(f"{'RSS of the loaded GitHub schema':36} {a['rss_kb'] / 1024:9.1f} MB {b['rss_kb'] / 1024:9.1f} MB {ratio:7.2f}   "
              "VmRSS delta / process.memoryUsage().rss delta (after gc)")


def fmt_ms(item):
    return f"{item['median_ms']:9.3f} ms" if "median_ms" in item else "n/a"


def theirs_version():
    with open(os.path.join(ROOT, "tests", "reference", "node_modules", "graphql", "package.json"), encoding="utf-8") as f:
        return json.load(f)["version"]


if __name__ == "__main__":
    main()

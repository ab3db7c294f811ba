#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Sextant: runs sextant_bench and graphqljs_bench.mjs on the same inputs in one run and prints ours, theirs, ratio.
"""Side-by-side benchmarks against graphql-js 16.15.0 and graphql-language-service 5.7.0.

Inputs: the GitHub introspection result (tests/fixtures/schemas/github/introspection.json.gz, decompressed once
into a temporary file), the GitHub SDL (schema.graphql) and bench/github_operations.graphql (223 lines, seven
operations with fragments). Both halves time the same operations with medians of N iterations after a warm-up;
RSS is measured in a fresh process on each side. ratio = ours / theirs, so below 1.0 means Sextant is faster
(or smaller).

Editor rows: completion at the 20 positions of bench/completion_positions.json (Core::complete vs
getAutocompleteSuggestions, p50 and p99 over 20 positions x N rounds after at least 10 warm-up rounds), and
diagnostics of a generated ~2,000-line document (github_operations.graphql repeated with renamed operations and
fragments), valid and with 20 validation errors (tolerant parse + Validator::validate vs parse + validate).

Usage: bench/run.py [--build-dir build] [--iterations 100] [--warmup 3] [--verbose]
Needs a built sextant_bench (cmake --build <dir> --target sextant_bench), node and npm: `npm ci` runs in bench/node
when bench/node/node_modules is missing.
"""
import argparse
import gzip
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "tests", "fixtures")
NODE_DIR = os.path.join(ROOT, "bench", "node")
OPERATIONS = os.path.join(ROOT, "bench", "github_operations.graphql")
POSITIONS = os.path.join(ROOT, "bench", "completion_positions.json")
LARGE_LINES = 2000

ROWS = [
    ("introspection_to_schema", "GitHub introspection JSON -> schema", "IntrospectionReader::read", "JSON.parse + buildClientSchema"),
    ("parse_sdl", "parse GitHub SDL (1.2 MB)", "Parser::parse", "parse"),
    ("parse_query", "parse 223-line query", "Parser::parse", "parse"),
    ("parse_validate_query", "parse + validate 223-line query", "parse + Validator::validate", "parse + validate"),
    ("print_query", "parse + print 223-line query", "printDocument", "print(parse())"),
    ("print_sdl", "parse + print GitHub SDL", "printDocument", "print(parse())"),
    ("sdl_to_schema", "GitHub SDL -> schema", "buildSchemaFromSdl", "buildSchema (assumeValidSDL)"),
]


def completion_cases():
    """The 20 (text, cursor) cases of completion_positions.json: cursor as UTF-16 offset and 0-based line/character."""
    with open(OPERATIONS, encoding="utf-8") as f:
        lines = f.read().split("\n")
    with open(POSITIONS, encoding="utf-8") as f:
        positions = json.load(f)["positions"]
    cases = []
    for position in positions:
        line, column, insert = position["line"], position["column"], position["insert"]
        if "|" not in insert:
            insert += "|"
        text = lines[line - 1]
        if not 1 <= column <= len(text) + 1:
            sys.exit(f"error: {POSITIONS}: column {column} is outside line {line}")
        edited = lines[:line - 1] + [text[:column - 1] + insert + text[column - 1:]] + lines[line:]
        document = "\n".join(edited)
        cursor = document.index("|")
        document = document[:cursor] + document[cursor + 1:]
        before = document[:cursor].split("\n")
        cases.append({"context": position["context"], "text": document,
                      "offset": utf16_length(document[:cursor]),
                      "line": len(before) - 1, "character": utf16_length(before[-1])})
    return cases


def utf16_length(text):
    return len(text.encode("utf-16-le")) // 2


def large_documents():
    """github_operations.graphql repeated to ~2,000 lines, each copy's operations and fragments renamed (Name2...);
    the second document has 20 validation errors: in every copy `hasNextPage` -> `hasNextPag` and `mergeable` ->
    `mergable` (unknown fields), in the first copy `$skipBody` -> `$skipBodyy` in @skip (undefined + unused)."""
    with open(OPERATIONS, encoding="utf-8") as f:
        body = "\n".join(line for line in f.read().split("\n") if not line.startswith("#")).strip("\n") + "\n\n"
    names = re.findall(r"^(?:query|fragment)\s+(\w+)", body, re.MULTILINE)
    copies = math.ceil(LARGE_LINES / body.count("\n"))
    valid, broken = [], []
    for copy in range(1, copies + 1):
        text = body
        for name in names:
            text = re.sub(rf"(\b(?:query|fragment)\s+|\.\.\.){name}\b", rf"\g<1>{name}{copy}", text)
        valid.append(text)
        text = text.replace("hasNextPage", "hasNextPag").replace("mergeable", "mergable")
        if copy == 1:
            text = text.replace("@skip(if: $skipBody)", "@skip(if: $skipBodyy)")
        broken.append(text)
    return "".join(valid), "".join(broken)


def ensure_node_modules(npm_needed):
    if os.path.isdir(os.path.join(NODE_DIR, "node_modules", "graphql-language-service")) and \
            os.path.isdir(os.path.join(NODE_DIR, "node_modules", "graphql")):
        return
    npm = shutil.which("npm")
    if not npm:
        sys.exit(f"error: {npm_needed}: run `npm ci` in {NODE_DIR}")
    print(f"bench/node/node_modules is missing: running npm ci in {NODE_DIR}", file=sys.stderr)
    result = subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=NODE_DIR,
                            stdout=sys.stderr)
    if result.returncode != 0:
        sys.exit(f"error: npm ci in {NODE_DIR} failed ({result.returncode})")


def run_lines(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"error: {' '.join(command)} exited with {result.returncode}:\n{result.stderr}")
    items = {}
    for item in map(json.loads, result.stdout.splitlines()):
        if item.get("name") == "completion_position":
            items.setdefault("completion_positions", []).append(item)
        elif item:
            items[item["name"]] = item
    return items


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default=os.environ.get("SEXTANT_BUILD_DIR", os.path.join(ROOT, "build")))
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--verbose", action="store_true",
                        help="per completion position: context, item counts and labels in common, p50/p99 each side (wall "
                             "time) and p99 of process CPU time, which a loaded machine's preemption does not inflate")
    args = parser.parse_args()

    bench = os.path.join(os.path.abspath(args.build_dir), "bench", "sextant_bench")
    node = shutil.which("node")
    if not os.access(bench, os.X_OK):
        sys.exit(f"error: {bench} is missing: cmake --build {args.build_dir} --target sextant_bench")
    if not node:
        sys.exit("error: node is not installed")
    ensure_node_modules("graphql-js and graphql-language-service are missing and npm is not installed")
    cases = completion_cases()
    large, large_errors = large_documents()

    with tempfile.TemporaryDirectory(prefix="sextant-bench-") as tmp:
        introspection = os.path.join(tmp, "github-introspection.json")
        with gzip.open(os.path.join(FIXTURES, "schemas", "github", "introspection.json.gz")) as source, \
                open(introspection, "wb") as target:
            shutil.copyfileobj(source, target)
        inputs = ["--introspection", introspection,
                  "--sdl", os.path.join(FIXTURES, "schemas", "github", "schema.graphql"),
                  "--query", OPERATIONS,
                  "--iterations", str(args.iterations), "--warmup", str(args.warmup)]
        for option, name, content in (("--completion", "completion-cases.json", json.dumps(cases)),
                                      ("--large-query", "large.graphql", large),
                                      ("--large-query-errors", "large-errors.graphql", large_errors)):
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                f.write(content)
            inputs += [option, os.path.join(tmp, name)]
        js = [node, "--expose-gc", os.path.join(ROOT, "bench", "graphqljs_bench.mjs")]
        ours = run_lines([bench, *inputs])
        theirs = run_lines([*js, *inputs])
        ours.update(run_lines([bench, "--rss", "--introspection", introspection]))
        theirs.update(run_lines([*js, "--rss", "--introspection", introspection]))

    print(f"Sextant vs graphql-js {theirs_version('graphql')} / graphql-language-service "
          f"{theirs_version('graphql-language-service')} (node {subprocess.run([node, '--version'], capture_output=True, text=True).stdout.strip()}), "
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
    print_editor_rows(ours, theirs, cases, args)


def print_editor_rows(ours, theirs, cases, args):
    a, b = ours.get("completion", {}), theirs.get("completion", {})
    if "p50_ms" in a and "p50_ms" in b:
        what = f"complete / getAutocompleteSuggestions, {a['positions']} positions x {a['iterations']} rounds"
        for key, label, note in (("p50_ms", "completion p50 (GitHub, 20 positions)", what),
                                 ("p99_ms", "completion p99 (GitHub, 20 positions)", what),
                                 ("cpu_p99_ms", "completion p99 of process CPU time",
                                  "std::clock / process.cpuUsage(): what preemption does not inflate")):
            ratio = a[key] / b[key] if b[key] else float("inf")
            print(f"{label:36} {a[key]:9.3f} ms {b[key]:9.3f} ms {ratio:7.2f}   {note}")
        worst = max(ours.get("completion_positions", []), key=lambda item: item["p99_ms"], default=None)
        if worst:
            other = theirs["completion_positions"][worst["index"]]
            print(f"{'  slowest position (by our p99)':36} {worst['p99_ms']:9.3f} ms {other['p99_ms']:9.3f} ms "
                  f"{worst['p99_ms'] / other['p99_ms'] if other['p99_ms'] else float('inf'):7.2f}   "
                  f"#{worst['index'] + 1}: {cases[worst['index']]['context']}")
    else:
        print(f"{'completion (GitHub, 20 positions)':36} {'n/a':>12} {'n/a':>12} {'n/a':>7}   "
              f"({a.get('na') or b.get('na') or 'missing'})")
    counts = ours.get("diagnostics_2000_counts", {})
    for name, label in (("diagnostics_2000", f"diagnostics, {counts.get('lines', '~2000')}-line valid document"),
                        ("diagnostics_2000_errors", f"diagnostics, same with {counts.get('errors', '?')} errors")):
        a, b = ours.get(name, {}), theirs.get(name, {})
        if "median_ms" in a and "median_ms" in b:
            ratio = a["median_ms"] / b["median_ms"] if b["median_ms"] else float("inf")
            print(f"{label:36} {a['median_ms']:9.3f} ms {b['median_ms']:9.3f} ms {ratio:7.2f}   "
                  "tolerant parse + Validator::validate / parse + validate")
            ratio = a["cpu_median_ms"] / b["cpu_median_ms"] if b["cpu_median_ms"] else float("inf")
            print(f"{'  same, median of process CPU time':36} {a['cpu_median_ms']:9.3f} ms {b['cpu_median_ms']:9.3f} ms "
                  f"{ratio:7.2f}   std::clock / process.cpuUsage()")
        else:
            print(f"{label:36} {'n/a':>12} {fmt_ms(b):>12} {'n/a':>7}   ({a.get('na') or b.get('na') or 'missing'})")
    theirs_counts = theirs.get("diagnostics_2000_counts", {})
    if counts and theirs_counts and counts.get("errors") != theirs_counts.get("errors"):
        print(f"warning: validation error counts differ: Sextant {counts.get('errors')}, "
              f"graphql-js {theirs_counts.get('errors')}")
    if args.verbose:
        print_positions(ours.get("completion_positions", []), theirs.get("completion_positions", []), cases)


def print_positions(ours, theirs, cases):
    print()
    header = (f"{'#':>2} {'items ours/theirs/common':>23} {'p50 ours':>9} {'p50 theirs':>10} {'p99 ours':>9} "
              f"{'p99 theirs':>10} {'p99 ratio':>9} {'CPU p99 ours/theirs':>19}  context (line:character, 1-based)")
    print(header)
    print("-" * len(header))
    for a, b in zip(ours, theirs):
        case = cases[a["index"]]
        common = len(set(a["labels"]) & set(b["labels"]))
        ratio = a["p99_ms"] / b["p99_ms"] if b["p99_ms"] else float("inf")
        counts = f"{a['items']}/{b['items']}/{common}"
        print(f"{a['index'] + 1:>2} {counts:>23} {a['p50_ms']:6.3f} ms {b['p50_ms']:7.3f} ms {a['p99_ms']:6.3f} ms "
              f"{b['p99_ms']:7.3f} ms {ratio:9.2f} {a['cpu_p99_ms']:6.3f}/{b['cpu_p99_ms']:7.3f} ms  {case['context']} ({case['line'] + 1}:{case['character'] + 1})")
        only_ours, only_theirs = sorted(set(a["labels"]) - set(b["labels"])), sorted(set(b["labels"]) - set(a["labels"]))
        if only_ours:
            print(f"{'':27}only ours: {', '.join(only_ours[:8])}{' ...' if len(only_ours) > 8 else ''}")
        if only_theirs:
            print(f"{'':27}only theirs: {', '.join(only_theirs[:8])}{' ...' if len(only_theirs) > 8 else ''}")


def fmt_ms(item):
    return f"{item['median_ms']:9.3f} ms" if "median_ms" in item else "n/a"


def theirs_version(package):
    with open(os.path.join(NODE_DIR, "node_modules", package, "package.json"), encoding="utf-8") as f:
        return json.load(f)["version"]


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Sextant: big responses (10 MB, 100 MB) in GraphiQL 3 in headless Chromium, next to node JSON.parse and Sextant.
"""GraphiQL in headless Chromium on the same big responses as bench/response.py.

For each size, tests/fixtures/responses/gen-response.mjs --mb SIZE --seed 1 writes the response (the same bytes
bench/response.py serves), then --runs times, each in a fresh Chromium:
  - node bench/graphiql/run.mjs --file FILE: GraphiQL (page bench/graphiql/index.html) executes a query against a
    127.0.0.1 server (inside run.mjs) that answers with FILE; time from the last byte to the whole formatted
    response being in the result pane's CodeMirror and painted ("rendered"), peak memory of Chromium's processes.
  - node bench/response_node.mjs FILE: JSON.parse of the same text (bench/response.py's node column).
With --sextant-build-dir DIR, bench/response.py --build-dir DIR runs as well (unchanged) and its Sextant
"last byte -> browsable" and RSS growth columns are added (its last output line is its JSON rows).

Usage: bench/graphiql.py [--sizes 10,100] [--runs 3] [--timeout 120] [--sextant-build-dir build]
                         [--install-browser] [--npm-ci]
Needs Debian's chromium (apt-get install -y chromium, or --install-browser) and bench/graphiql/node_modules
(npm ci --prefix bench/graphiql, or --npm-ci). Neither is installed by scripts/run or scripts/test.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.join(ROOT, "bench", "graphiql")
GENERATOR = os.path.join(ROOT, "tests", "fixtures", "responses", "gen-response.mjs")
NODE_BENCH = os.path.join(ROOT, "bench", "response_node.mjs")
RESPONSE_BENCH = os.path.join(ROOT, "bench", "response.py")


def last_json_line(command, timeout):
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        sys.exit(f"error: {' '.join(command)} exited with {result.returncode}:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, unit="", digits=0):
    return "n/a" if value is None else f"{value:,.{digits}f}{unit}"


def mb(kb):
    return None if kb is None else kb * 1024 / 1e6


def ensure_dependencies(args):
    if not os.access(args.chromium, os.X_OK):
        if not args.install_browser:
            sys.exit(f"error: {args.chromium} is missing. Install Debian's Chromium with: apt-get install -y chromium "
                     "(or rerun with --install-browser)")
        subprocess.run(["apt-get", "install", "-y", "chromium"], check=True,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    if not os.path.isdir(os.path.join(HERE, "node_modules", "playwright-core")):
        if not args.npm_ci:
            sys.exit("error: bench/graphiql/node_modules is missing: npm ci --prefix bench/graphiql "
                     "(or rerun with --npm-ci)")
        subprocess.run(["npm", "ci", "--prefix", HERE, "--no-audit", "--no-fund"], check=True)


def graphiql_row(size_mb, runs):
    rendered = [r for r in runs if r["outcome"] == "rendered"]
    outcomes = {}
    for r in runs:
        outcomes[r["outcome"]] = outcomes.get(r["outcome"], 0) + 1
    memory = [r["memory"] for r in runs if "memory" in r]
    return {
        "sizeMb": size_mb,
        "bytes": runs[0]["bytes"],
        "runs": len(runs),
        "outcomes": outcomes,
        "graphiql": runs[0].get("graphiql"),
        "chromium": runs[0].get("chromium"),
        "lines": median(r.get("lines") for r in rendered),
        "responseEndToRenderedMs": median(r.get("responseEndToRenderedMs") for r in rendered),
        "lastByteToRenderedMs": median(r.get("lastByteToRenderedMs") for r in rendered),
        "clickToRenderedMs": median(r.get("clickToRenderedMs") for r in rendered),
        "rssBeforeMb": mb(median(m["rssBeforeKb"] for m in memory)),
        "peakRssMb": mb(median(m["peakRssKb"] for m in memory)),
        "peakRssGrowthMb": mb(median(m["peakRssKb"] - m["rssBeforeKb"] for m in memory)),
        "peakPssGrowthMb": mb(median(m["peakPssKb"] - m["pssBeforeKb"] for m in memory)),
        "peakRendererRssMb": mb(median(m["peakRendererRssKb"] for m in memory)),
        "jsHeapAfterMb": mb(median((r.get("heapAfter") or {}).get("usedKb") for r in rendered)),
        "failures": [{k: r.get(k) for k in ("outcome", "waitedMs", "text", "error", "pageErrors")}
                     for r in runs if r["outcome"] != "rendered"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100", help="comma-separated sizes in MB")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=int, default=120, help="seconds to wait for GraphiQL to render one run")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--sextant-build-dir", help="also run bench/response.py --build-dir DIR (Sextant columns)")
    parser.add_argument("--install-browser", action="store_true", help="apt-get install -y chromium if missing")
    parser.add_argument("--npm-ci", action="store_true", help="npm ci --prefix bench/graphiql if missing")
    args = parser.parse_args()

    node = shutil.which("node")
    if not node:
        sys.exit("error: node is not installed")
    ensure_dependencies(args)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    rows = []
    with tempfile.TemporaryDirectory(prefix="sextant-graphiql-bench-") as directory:
        for size in sizes:
            path = os.path.join(directory, f"response-{size}mb.json")
            with open(path, "wb") as out:
                subprocess.run([node, GENERATOR, "--mb", str(size), "--seed", "1"], stdout=out, check=True,
                               timeout=600)
            runs = []
            for _ in range(args.runs):
                runs.append(last_json_line([node, os.path.join(HERE, "run.mjs"), "--file", path, "--timeout",
                                            str(args.timeout), "--chromium", args.chromium],
                                           timeout=args.timeout + 300))
                print(f"{size} MB GraphiQL run: {runs[-1]['outcome']} "
                      f"{runs[-1].get('responseEndToRenderedMs', runs[-1].get('waitedMs'))} ms", file=sys.stderr)
            row = graphiql_row(size, runs)
            nodes = [last_json_line([node, NODE_BENCH, path], timeout=600) for _ in range(args.runs)]
            row["nodeMs"] = median(n["parseMs"] for n in nodes)
            row["nodeRssGrowthMb"] = mb(median(n["peakRssKb"] - n["rssBeforeKb"] for n in nodes))
            rows.append(row)

    sextant = {}
    if args.sextant_build_dir:
        sextant_rows = last_json_line([sys.executable, RESPONSE_BENCH, "--build-dir", args.sextant_build_dir,
                                       "--sizes", args.sizes, "--runs", str(args.runs)], timeout=3600)
        for size, r in zip(sizes, sextant_rows):
            sextant[size] = r
    for row in rows:
        r = sextant.get(row["sizeMb"])
        row["sextantBrowsableMs"] = r["browsableMs"] if r else None
        row["sextantRssGrowthMb"] = r["growthMb"] if r else None

    print()
    print(f"GraphiQL {rows[0]['graphiql']} in headless Chromium {rows[0]['chromium']}: last byte -> whole response in "
          f"the result pane and painted; medians of {args.runs} fresh browsers")
    print(f"{'size':>9} {'outcome':>12} {'lines':>10} {'GraphiQL ms':>12} {'(srv byte)':>11} {'Chromium RSS':>13} "
          f"{'RSS+':>9} {'PSS+':>9} {'renderer':>9} {'JS heap':>8} | {'node ms':>8} {'node RSS+':>10} | "
          f"{'Sextant ms':>10} {'Sextant RSS+':>12}")
    for r in rows:
        outcome = ",".join(f"{n} {k}" for k, n in r["outcomes"].items())
        print(f"{r['bytes'] / 1e6:>6.1f} MB {outcome:>12} {fmt(r['lines']):>10} "
              f"{fmt(r['responseEndToRenderedMs']):>12} {fmt(r['lastByteToRenderedMs']):>11} "
              f"{fmt(r['peakRssMb'], ' MB'):>13} {fmt(r['peakRssGrowthMb'], ' MB'):>9} "
              f"{fmt(r['peakPssGrowthMb'], ' MB'):>9} {fmt(r['peakRendererRssMb'], ' MB'):>9} "
              f"{fmt(r['jsHeapAfterMb'], ' MB'):>8} | {fmt(r['nodeMs'], '', 1):>8} "
              f"{fmt(r['nodeRssGrowthMb'], ' MB'):>10} | {fmt(r['sextantBrowsableMs'], '', 1):>10} "
              f"{fmt(r['sextantRssGrowthMb'], ' MB'):>12}")
        for failure in r["failures"]:
            print(f"          {failure}")
    print(json.dumps(rows))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Sextant: big responses in the real window path (RunController → ResultView): browsable time, RSS, UI stalls.
"""Results at any size, measured in the window: sextant_response_app_bench per size, next to node JSON.parse.

For each size, tests/fixtures/responses/gen-response.mjs --mb SIZE --seed 1 writes a Dagster-shaped response into
a temporary directory (or --file FILE is used as is). sextant_response_app_bench FILE (QT_QPA_PLATFORM=offscreen)
serves it from a thread of its own on 127.0.0.1 and runs it through RunController, a shown ResultView and
EndpointBar, twice in one process ("first", then "rerun" which replaces the first answer), and reports after the
last byte: finished + tree with the data row, Raw tab line index, Table tab list; peak RSS growth; the longest gap
of a 1 ms heartbeat on the UI thread (request → everything ready) with the top stalls, each with the UI thread's
CPU time and run-queue wait in it (/proc/thread-self/schedstat: the rest of the gap it was blocked). --runs fresh processes per
size: medians for times and RSS, the maximum for stalls. node bench/response_node.mjs FILE gives JSON.parse time
and RSS growth of the same text (as bench/response.py reports them).

Usage: bench/response_app.py [--build-dir build] [--sizes 10,100] [--runs 3] [--file FILE]
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
GENERATOR = os.path.join(ROOT, "tests", "fixtures", "responses", "gen-response.mjs")
NODE_BENCH = os.path.join(ROOT, "bench", "response_node.mjs")


def run_lines(command, timeout=900):
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)
    if result.returncode != 0:
        sys.exit(f"error: {' '.join(command)} exited with {result.returncode}:\n{result.stderr}")
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def generate(node, size_mb, directory):
    path = os.path.join(directory, f"response-{size_mb}mb.json")
    with open(path, "wb") as out:
        subprocess.run([node, GENERATOR, "--mb", str(size_mb), "--seed", "1"], stdout=out, check=True, timeout=600)
    return path


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default=os.environ.get("SEXTANT_BUILD_DIR", os.path.join(ROOT, "build")))
    parser.add_argument("--sizes", default="10,100", help="comma-separated sizes in MB")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--file", help="a response file to use instead of generated sizes")
    parser.add_argument("--tree-tab", action="store_true",
                        help="keep the Tree tab current, as after a normal Run (the Raw tab's index is not built)")
    args = parser.parse_args()

    bench = os.path.join(os.path.abspath(args.build_dir), "bench", "sextant_response_app_bench")
    node = shutil.which("node")
    if not os.access(bench, os.X_OK):
        sys.exit(f"error: {bench} is missing: cmake --build {args.build_dir} --target sextant_response_app_bench")
    if not node:
        sys.exit("error: node is not installed")

    rows = []
    with tempfile.TemporaryDirectory(prefix="sextant-response-app-") as directory:
        files = [args.file] if args.file else [generate(node, int(s), directory)
                                                for s in args.sizes.split(",") if s.strip()]
        for path in files:
            size = os.path.getsize(path)
            runs = []
            for _ in range(args.runs):
                load = load_average()
                lines = run_lines([bench, path, "--json-only"] + (["--tree-tab"] if args.tree_tab else []))
                for line in lines:
                    if "run" in line:
                        line["load"] = load
                        print(json.dumps(line))
                        runs.append(line)
            nodes = run_lines([node, NODE_BENCH, path])
            node_ms = nodes[-1]["parseMs"]
            node_growth = (nodes[-1]["peakRssKb"] - nodes[-1]["rssBeforeKb"]) * 1024
            for kind in ("first", "rerun"):
                sel = [r for r in runs if r["run"] == kind]
                if not sel:
                    continue
                stalls = sorted((s for r in sel for s in r["topStalls"]), key=lambda s: -s["ms"])
                rows.append({
                    "size": f"{size / 1e6:.1f} MB", "run": kind,
                    "treeMs": statistics.median(r["lastByteToTreeMs"] for r in sel),
                    "rawMs": statistics.median(r["lastByteToRawIndexMs"] for r in sel),
                    "tableMs": statistics.median(r["lastByteToTableMs"] for r in sel),
                    "allMs": statistics.median(r["lastByteToAllMs"] for r in sel),
                    "growthX": statistics.median((r["peakRssKb"] - r["rssBeforeKb"]) * 1024 / size for r in sel),
                    "stallMs": max(r["longestStallMs"] for r in sel),
                    "stalls": [r["longestStallMs"] for r in sel],
                    "top": stalls[:3],
                    "nodeMs": node_ms, "nodeGrowthX": node_growth / size,
                    "loads": [r["load"] for r in sel],
                })

    print()
    print("After the last byte, in the window (median of runs; stall = max over runs) vs node JSON.parse")
    print(f"{'size':>9} {'run':>6} {'tree ms':>8} {'raw ms':>7} {'table ms':>9} {'all ms':>7} {'node ms':>8} "
          f"{'RSS+ x':>7} {'node x':>7} {'longest stall ms (each run)':>30}")
    for r in rows:
        each = ", ".join(f"{s:.0f}" for s in r["stalls"])
        print(f"{r['size']:>9} {r['run']:>6} {r['treeMs']:>8.0f} {r['rawMs']:>7.0f} {r['tableMs']:>9.0f} "
              f"{r['allMs']:>7.0f} {r['nodeMs']:>8.0f} {r['growthX']:>7.2f} {r['nodeGrowthX']:>7.2f} "
              f"{r['stallMs']:>8.0f} ({each})")
    print()
    for r in rows:
        print(f"{r['size']} {r['run']}: load {' | '.join(r['loads'])}; top stalls: "
              + "; ".join(f"{s['ms']:.0f} ms (UI cpu {s['cpuMs']:.0f}, run queue {s['runQueueMs']:.0f}) {s['phase']} "
                         f"[{s['event']}]" for s in r["top"]))
    print(json.dumps(rows))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Sextant: big GraphQL responses (10 MB, 100 MB): Sextant receive -> browsable vs node JSON.parse, side by side.
"""Results at any size: how long a big response takes to become browsable, and what it costs in memory.

For each size, tests/fixtures/responses/gen-response.mjs --mb SIZE --seed 1 writes a Dagster-shaped response
(compact JSON) into a temporary directory. A local HTTP server on 127.0.0.1 (a thread of this script) answers every
POST with that file (with Content-Length). Then:
  - sextant_response_bench scan FILE: ResponseDocument over the file with the old byte-at-a-time scanner (the
    reference engine) and with simdjson (stage 1 + our walk of its structural index: what the app uses); median ms.
  - sextant_response_bench receive URL: what MainWindow does (GraphQLClient receives on the main thread, parse
    with QtConcurrent, ResponseTreeModel on the main thread); time from the last byte to a browsable model, peak
    RSS growth over the RSS before the request (and its ratio to the file size), the longest main-thread stall
    (largest gap of a 1 ms QTimer heartbeat), and the RSS growth once parsed (simdjson's index released) as
    "parsed x size". Median of --runs fresh processes (the longest stall: their maximum).
  - node bench/response_node.mjs FILE: JSON.parse of the same text, time and peak RSS (maxRSS) of that process.
ratio = Sextant / node, so below 1.0 means Sextant is faster (or smaller). GraphiQL in headless Chromium is not
part of this script (see bench/README.md).

Usage: bench/response.py [--build-dir build] [--sizes 10,100] [--runs 3]
Needs sextant_response_bench (cmake --build <dir> --target sextant_response_bench) and node.
"""
import argparse
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(ROOT, "tests", "fixtures", "responses", "gen-response.mjs")
NODE_BENCH = os.path.join(ROOT, "bench", "response_node.mjs")


def run_json(command, timeout=600):
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        sys.exit(f"error: {' '.join(command)} exited with {result.returncode}:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


class FileServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    body = b""


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        if length:
            self.rfile.read(length)
        body = self.server.body if self.path != "/warmup" else b'{"data":{"ok":true}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/graphql-response+json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        view = memoryview(body)
        for start in range(0, len(body), 1 << 20):
            self.wfile.write(view[start:start + (1 << 20)])

    def log_message(self, *args):
        pass


def generate(node, size_mb, directory):
    path = os.path.join(directory, f"response-{size_mb}mb.json")
    with open(path, "wb") as out:
        subprocess.run([node, GENERATOR, "--mb", str(size_mb), "--seed", "1"], stdout=out, check=True, timeout=600)
    return path


def fmt(value, unit=""):
    return "n/a" if value is None else f"{value:,.1f}{unit}"


def ratio(ours, theirs):
    return "n/a" if not ours or not theirs else f"{ours / theirs:.2f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default=os.environ.get("SEXTANT_BUILD_DIR", os.path.join(ROOT, "build")))
    parser.add_argument("--sizes", default="10,100", help="comma-separated sizes in MB")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scan-iterations", type=int, default=3)
    args = parser.parse_args()

    bench = os.path.join(os.path.abspath(args.build_dir), "bench", "sextant_response_bench")
    node = shutil.which("node")
    if not os.access(bench, os.X_OK):
        sys.exit(f"error: {bench} is missing: cmake --build {args.build_dir} --target sextant_response_bench")
    if not node:
        sys.exit("error: node is not installed")

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    rows = []
    with tempfile.TemporaryDirectory(prefix="sextant-response-bench-") as directory:
        for size in sizes:
            path = generate(node, size, directory)
            with open(path, "rb") as f:
                body = f.read()
            server = FileServer(("127.0.0.1", 0), Handler)
            server.body = body
            thread = threading.Thread(target=server.serve_forever, daemon=True)
            thread.start()
            url = f"http://127.0.0.1:{server.server_address[1]}/graphql"
            try:
                scan = run_json([bench, "scan", path, str(args.scan_iterations)])
                receives = [run_json([bench, "receive", url]) for _ in range(args.runs)]
            finally:
                server.shutdown()
                server.server_close()
            nodes = [run_json([node, NODE_BENCH, path]) for _ in range(args.runs)]
            mb = len(body) / 1e6
            browsable = statistics.median(r["lastByteToBrowsableMs"] for r in receives)
            growth_kb = statistics.median(r["peakRssKb"] - r["rssBeforeKb"] for r in receives)
            node_ms = statistics.median(n["parseMs"] for n in nodes)
            node_growth_kb = statistics.median(n["peakRssKb"] - n["rssBeforeKb"] for n in nodes)
            rows.append({
                "size": f"{mb:.1f} MB",
                "bytes": len(body),
                "nodes": scan["nodes"],
                "referenceMs": scan["referenceMs"],
                "simdjsonMs": scan["simdjsonMs"],
                "browsableMs": browsable,
                "parsedMs": statistics.median(r["lastByteToParsedMs"] for r in receives),
                "transferMs": statistics.median(r["requestToLastByteMs"] for r in receives),
                "growthMb": growth_kb * 1024 / 1e6,
                "growthRatio": growth_kb * 1024 / len(body),
                "parsedGrowthRatio": statistics.median(r["rssParsedKb"] - r["rssBeforeKb"] for r in receives)
                * 1024 / len(body),
                "stallMs": max(r["longestStallMs"] for r in receives),
                "nodeMs": node_ms,
                "nodeGrowthMb": node_growth_kb * 1024 / 1e6,
                "nodeGrowthRatio": node_growth_kb * 1024 / len(body),
            })

    print()
    print("Scanner: ResponseDocument over the file (median ms)")
    print(f"{'size':>10} {'values':>12} {'old scanner':>12} {'simdjson':>10} {'new/old':>8}")
    for r in rows:
        print(f"{r['size']:>10} {r['nodes']:>12,} {fmt(r['referenceMs']):>12} {fmt(r['simdjsonMs']):>10} "
              f"{ratio(r['simdjsonMs'], r['referenceMs']):>8}")
    print()
    print("After the last byte: Sextant (parse on a worker + model on the GUI thread) vs node JSON.parse")
    header = (f"{'size':>10} {'sextant ms':>11} {'node ms':>9} {'ratio':>6} {'sextant RSS+':>13} {'x size':>7} "
              f"{'node RSS+':>10} {'x size':>7} {'ratio':>6} {'longest stall':>14} {'transfer':>9} "
              f"{'parsed x size':>13}")
    print(header)
    for r in rows:
        print(f"{r['size']:>10} {fmt(r['browsableMs']):>11} {fmt(r['nodeMs']):>9} "
              f"{ratio(r['browsableMs'], r['nodeMs']):>6} {fmt(r['growthMb'], ' MB'):>13} "
              f"{r['growthRatio']:>7.2f} {fmt(r['nodeGrowthMb'], ' MB'):>10} {r['nodeGrowthRatio']:>7.2f} "
              f"{ratio(r['growthMb'], r['nodeGrowthMb']):>6} {fmt(r['stallMs'], ' ms'):>14} "
              f"{fmt(r['transferMs'], ' ms'):>9} {r['parsedGrowthRatio']:>13.2f}")
    print()
    print("GraphiQL in headless Chromium: not measured (see bench/README.md).")
    print(json.dumps(rows))


if __name__ == "__main__":
    main()

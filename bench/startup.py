#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Sextant: cold start (process start -> first painted, editable editor) and idle RSS with the Dagster schema loaded.
"""Measures the desktop app the way a user meets it.

For each run: start `sextant --no-session --kind dagster --endpoint URL` with SEXTANT_BENCH=1, take the wall clock
just before exec, read the SEXTANT_FIRST_PAINT_EPOCH_MS line the app prints when the query editor first paints, wait
for SEXTANT_SCHEMA_LOADED_EPOCH_MS (introspection done, schema browser filled), let it idle 2 s, read VmRSS and
VmHWM from /proc, and quit it. Prints each run and the medians next to the brief's marks (0.25 s, 60 MB).

Usage: bench/startup.py [--runs 5] [--endpoint URL] [--binary build/sextant] [--workspace]
With --workspace it starts as a user does (tabs restored, history, environments, collections) in a temporary
data directory instead of --no-session.
Without --endpoint it starts the demo Dagster webserver (tests/servers/dagster_server.py) and stops it afterwards.
Without DISPLAY it starts Xvfb on a free display (real X11 painting, as a user would get).
"""
import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_status(pid):
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024.0  # kB -> MiB
    return values


def wait_line(proc, prefix, deadline):
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            if proc.poll() is not None:
                raise RuntimeError(f"sextant exited with {proc.returncode} before printing {prefix}")
            continue
        line = line.decode(errors="replace").strip()
        if line.startswith(prefix):
            return int(line.split("=", 1)[1])
    raise RuntimeError(f"timed out waiting for {prefix}")


def one_run(binary, endpoint, env, workspace=False):
    start_ms = time.time() * 1000.0
    # With --workspace: a user's normal start (tabs restored, history database, environments, collections).
    session = [] if workspace else ["--no-session"]
    proc = subprocess.Popen([binary, *session, "--kind", "dagster", "--endpoint", endpoint],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    try:
        deadline = time.time() + 60
        first_paint = wait_line(proc, "SEXTANT_FIRST_PAINT_EPOCH_MS=", deadline)
        schema = wait_line(proc, "SEXTANT_SCHEMA_LOADED_EPOCH_MS=", deadline)
        time.sleep(2.0)
        mem = read_status(proc.pid)
        return {"first_paint_s": (first_paint - start_ms) / 1000.0, "schema_s": (schema - start_ms) / 1000.0,
                "rss_mb": mem.get("VmRSS", 0.0), "peak_mb": mem.get("VmHWM", 0.0)}
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--endpoint")
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "sextant"))
    parser.add_argument("--workspace", action="store_true",
                        help="start as a user does (restore tabs, open history, environments and collections) in a "
                             "temporary data directory, instead of --no-session")
    args = parser.parse_args()

    env = dict(os.environ, SEXTANT_BENCH="1")
    cleanups = []
    try:
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            if not shutil.which("Xvfb"):
                sys.exit("no DISPLAY and no Xvfb: install xvfb or run under a desktop session")
            display = ":%d" % (90 + os.getpid() % 9)
            xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            cleanups.append(lambda: (xvfb.terminate(), xvfb.wait(5)))
            time.sleep(1.0)
            env["DISPLAY"] = display
            env.setdefault("QT_QPA_PLATFORM", "xcb")

        endpoint = args.endpoint
        if not endpoint:
            python = os.path.join(ROOT, ".venv", "bin", "python")
            server = subprocess.Popen([python, os.path.join(ROOT, "tests", "servers", "dagster_server.py")],
                                      stdout=subprocess.PIPE, stdin=subprocess.PIPE, cwd=ROOT)
            cleanups.append(lambda: (server.stdin.close(), server.send_signal(signal.SIGTERM), server.wait(30)))
            port = None
            deadline = time.time() + 180
            while time.time() < deadline and port is None:
                line = server.stdout.readline().decode().strip()
                if line.startswith("PORT="):
                    port = int(line[5:])
                elif not line and server.poll() is not None:
                    sys.exit("the demo Dagster webserver did not start")
            endpoint = f"http://127.0.0.1:{port}/graphql"

        if args.workspace:
            data = tempfile.mkdtemp(prefix="sextant-bench-")
            cleanups.append(lambda: shutil.rmtree(data, ignore_errors=True))
            env["XDG_DATA_HOME"] = os.path.join(data, "data")
            env["XDG_CONFIG_HOME"] = os.path.join(data, "config")
        # Warm the page cache once (a user's second start is like this); with --workspace it also creates the files.
        one_run(args.binary, endpoint, env, args.workspace)
        results = []
        for i in range(args.runs):
            r = one_run(args.binary, endpoint, env, args.workspace)
            results.append(r)
            print(f"run {i + 1}: first paint {r['first_paint_s']:.3f} s, schema shown {r['schema_s']:.3f} s, "
                  f"idle RSS {r['rss_mb']:.1f} MiB (peak {r['peak_mb']:.1f} MiB)")
        med = {k: statistics.median(r[k] for r in results) for k in results[0]}
        print(f"median: cold start to first paint {med['first_paint_s']:.3f} s (mark 0.25 s, GraphiQL 3.4 s); "
              f"Dagster schema shown {med['schema_s']:.3f} s; idle RSS {med['rss_mb']:.1f} MiB "
              f"(mark 60 MB, GraphiQL 550 MB)")
    finally:
        for cleanup in reversed(cleanups):
            try:
                cleanup()
            except Exception:
                pass


if __name__ == "__main__":
    main()

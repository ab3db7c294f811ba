#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Sextant: starts a real dagster-webserver on the demo definitions in a throw-away DAGSTER_HOME, for tests and demos.
"""Start a real Dagster webserver for tests (PROTOCOLS.md sections 4.5 and 4.6).

Steps: pick a free 127.0.0.1 port, create a temporary DAGSTER_HOME holding examples/dagster/dagster.yaml,
start ``dagster-webserver -f examples/dagster/definitions.py -h 127.0.0.1 -p PORT`` (from the same venv as
this interpreter) in its own process group, wait until ``GET /server_info`` answers and the readiness query
returns a RepositoryConnection with at least one repository, then print on stdout, one per line and flushed,
PORT= last (it means "ready"):

    URL=http://127.0.0.1:<port>/graphql
    LOCATION=<code location name>
    REPOSITORY=<repository name>
    PORT=<port>

and keep serving until SIGTERM/SIGINT, until stdin reaches EOF when stdin is a pipe, or until the
webserver dies. Then the webserver's process group is terminated (killed after a bound) and the
temporary DAGSTER_HOME is removed. The webserver's own log goes to a file in DAGSTER_HOME; ``--verbose``
streams it to stderr instead. If the server is not ready in ``--timeout`` seconds (default 120) the
script prints the log's tail to stderr and exits 1 without printing PORT=.
"""

import argparse
import ctypes
import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFINITIONS = os.path.join(ROOT, "examples", "dagster", "definitions.py")
INSTANCE_YAML = os.path.join(ROOT, "examples", "dagster", "dagster.yaml")
READINESS_QUERY = ("{ repositoriesOrError { __typename ... on RepositoryConnection { nodes { name location { name } } }"
                   " ... on PythonError { message } } }")
STOP_GRACE_SECONDS = 10


def log(message):
    sys.stderr.write(f"dagster_server: {message}\n")
    sys.stderr.flush()


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def webserver_executable():
    candidate = os.path.join(os.path.dirname(sys.executable), "dagster-webserver")
    if os.access(candidate, os.X_OK):
        return candidate
    found = shutil.which("dagster-webserver")
    if not found:
        raise SystemExit("dagster_server: dagster-webserver not found; run scripts/test or "
                         "'.venv/bin/pip install -r requirements.txt' first")
    return found


def die_with_parent():
    # Runs in the child between fork and exec: if this script is killed outright, the webserver gets SIGTERM.
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def http_json(url, payload=None, timeout=5.0):
    data = json.dumps(payload).encode("utf-8") if payload is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json",
                                                               "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as reply:
        return json.loads(reply.read().decode("utf-8"))


def wait_until_ready(process, port, deadline, stop):
    """Returns (location, repository) once the code location has loaded, or None at the deadline."""
    base = f"http://127.0.0.1:{port}"
    server_info_ok = False
    while time.monotonic() < deadline and process.poll() is None and not stop.is_set():
        try:
            if not server_info_ok:
                info = http_json(base + "/server_info")
                server_info_ok = "dagster_webserver_version" in info
            if server_info_ok:
                result = http_json(base + "/graphql", {"query": READINESS_QUERY})
                repositories = (result.get("data") or {}).get("repositoriesOrError") or {}
                nodes = repositories.get("nodes") or []
                if repositories.get("__typename") == "RepositoryConnection" and nodes:
                    return nodes[0]["location"]["name"], nodes[0]["name"]
        except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError, KeyError, TypeError):
            pass
        time.sleep(0.25)
    return None


def stop_process_group(process):
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=STOP_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        log("webserver did not stop after SIGTERM; killing its process group")
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(timeout=STOP_GRACE_SECONDS)
    # Code servers and run workers share the group; make sure none outlives the webserver.
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def tail(path, lines=40):
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return "".join(handle.readlines()[-lines:])
    except OSError:
        return ""


def stdin_is_pipe():
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Start dagster-webserver on the Sextant demo definitions.")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for readiness")
    parser.add_argument("--definitions", default=DEFINITIONS, help="Dagster definitions file (-f)")
    parser.add_argument("--verbose", action="store_true", help="stream the webserver log to stderr")
    options = parser.parse_args(argv)

    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, lambda *_: stop.set())

    if stdin_is_pipe():
        def watch_stdin(stdin_fd=sys.stdin.fileno()):
            while os.read(stdin_fd, 4096):  # os.read: a buffered reader would block interpreter shutdown
                pass
            stop.set()
        threading.Thread(target=watch_stdin, daemon=True).start()

    home = tempfile.mkdtemp(prefix="sextant-dagster-home-")
    process = None
    try:
        shutil.copyfile(INSTANCE_YAML, os.path.join(home, "dagster.yaml"))
        log_path = os.path.join(home, "webserver.log")
        env = dict(os.environ, DAGSTER_HOME=home, PYTHONUNBUFFERED="1")
        ready = None
        for attempt in range(3):
            # The port can be taken between free_port() and the webserver's bind: retry on an early exit.
            port = free_port()
            command = [webserver_executable(), "-f", os.path.abspath(options.definitions),
                       "-h", "127.0.0.1", "-p", str(port), "--log-level", "warning"]
            with open(log_path, "ab") as log_file:
                output = sys.stderr if options.verbose else log_file
                process = subprocess.Popen(command, cwd=home, env=env, stdin=subprocess.DEVNULL,
                                           stdout=output, stderr=output,
                                           start_new_session=True, preexec_fn=die_with_parent)
            ready = wait_until_ready(process, port, time.monotonic() + options.timeout, stop)
            if ready is not None or process.poll() is None or stop.is_set():
                break
            log(f"webserver exited with {process.returncode} during start-up (attempt {attempt + 1})")
        if ready is None:
            state = f"exited with {process.returncode}" if process.poll() is not None else "was not ready"
            log(f"webserver {state} after {options.timeout:.0f} s; last log lines:\n{tail(log_path)}")
            return 1
        location, repository = ready
        # PORT= comes last: readers (tests/support/serverprocess.cpp) treat it as "ready, header complete".
        sys.stdout.write(f"URL=http://127.0.0.1:{port}/graphql\nLOCATION={location}\nREPOSITORY={repository}\n"
                         f"PORT={port}\n")
        sys.stdout.flush()

        while not stop.wait(0.5):
            if process.poll() is not None:
                log(f"webserver exited unexpectedly with {process.returncode}:\n{tail(log_path)}")
                return 1
        return 0
    finally:
        if process is not None:
            stop_process_group(process)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

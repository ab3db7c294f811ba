# SPDX-License-Identifier: MIT
# Sextant: shared helpers of the end-to-end tests: the `sextant query` CLI, test server processes, bounded polling.
"""Helpers for tests/e2e (Python stdlib unittest, run with the project's .venv interpreter).

Each test module is started by ctest as ``python <module>.py --sextant <path of the built sextant binary>``
(tests/e2e/CMakeLists.txt); ``main()`` takes that option off the command line and runs unittest.

* ``Sextant`` runs ``sextant query ...`` with the document on stdin and returns a ``CliResult`` (exit status,
  stdout, stderr, stdout parsed as JSON when it is JSON).
* ``TestServer`` starts a script of tests/servers/ and reads its ``KEY=VALUE`` header up to ``PORT=``; it stops
  the server (stdin closed, SIGTERM, SIGKILL after a bound) on ``stop()``.
* ``wait_until`` polls a function with a time bound and a count bound, never an open-ended loop.
"""

import argparse
import json
import os
import queue
import subprocess
import sys
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.normpath(os.path.join(HERE, "..", ".."))
FIXTURES_DIR = os.path.join(SOURCE_DIR, "tests", "fixtures")
SERVERS_DIR = os.path.join(SOURCE_DIR, "tests", "servers")
SEXTANT_BINARY = os.environ.get("SEXTANT_BINARY", "")
CLI_TIMEOUT_SECONDS = 120


def fixture(relative_path):
    with open(os.path.join(FIXTURES_DIR, relative_path), encoding="utf-8") as handle:
        return handle.read()


class CliResult:
    def __init__(self, args, completed):
        self.args = args
        self.status = completed.returncode
        self.stdout = completed.stdout.decode("utf-8")
        self.stderr = completed.stderr.decode("utf-8")
        try:
            self.json = json.loads(self.stdout) if self.stdout.strip() else None
        except ValueError:
            self.json = None

    @property
    def data(self):
        return (self.json or {}).get("data")

    @property
    def errors(self):
        return (self.json or {}).get("errors") or []

    def describe(self):
        return (f"sextant {' '.join(self.args)} -> exit {self.status}\n"
                f"stdout: {self.stdout[:2000]}\nstderr: {self.stderr[:2000]}")


class Sextant:
    """The `sextant query` command line of the built binary."""

    @staticmethod
    def binary():
        if not SEXTANT_BINARY or not os.access(SEXTANT_BINARY, os.X_OK):
            raise AssertionError(f"the sextant binary is missing: {SEXTANT_BINARY or '(no --sextant given)'}; "
                                 "build it first (ninja -C <build dir> sextant)")
        return SEXTANT_BINARY

    @staticmethod
    def query(document, *args, env=None, timeout=CLI_TIMEOUT_SECONDS):
        environment = {k: v for k, v in os.environ.items() if not k.startswith("DAGGER_SESSION_")}
        environment.update(env or {})
        arguments = ["query", *args]
        completed = subprocess.run([Sextant.binary(), *arguments], input=document.encode("utf-8"),
                                   capture_output=True, env=environment, timeout=timeout, check=False)
        return CliResult(arguments, completed)


class TestServer:
    """A script of tests/servers/ run with this interpreter, started and stopped around a test module."""

    STOP_GRACE_SECONDS = 15

    def __init__(self, script, *args):
        self.command = [sys.executable, "-u", os.path.join(SERVERS_DIR, script), *args]
        self.process = None
        self.values = {}

    def start(self, timeout):
        self.process = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        cwd=SOURCE_DIR)
        lines = queue.Queue()

        def read_header():
            for raw in self.process.stdout:
                lines.put(raw.decode("utf-8").strip())
            lines.put(None)

        threading.Thread(target=read_header, daemon=True).start()
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.stop()
                raise RuntimeError(f"{self.command[2]} did not print PORT= within {timeout} s")
            try:
                line = lines.get(timeout=remaining)
            except queue.Empty:
                continue
            if line is None:
                code = self.process.wait(timeout=self.STOP_GRACE_SECONDS)
                raise RuntimeError(f"{self.command[2]} exited with {code} before printing PORT=")
            key, separator, value = line.partition("=")
            if separator:
                self.values[key] = value
            if key == "PORT":
                return self

    @property
    def port(self):
        return int(self.values["PORT"])

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            try:
                self.process.stdin.close()
            except OSError:
                pass
            self.process.terminate()
            try:
                self.process.wait(timeout=self.STOP_GRACE_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass
        self.process = None


def wait_until(probe, timeout, interval=0.5, what="condition"):
    """Calls probe() every `interval` seconds until it returns a truthy value; bounded in time and count."""
    deadline = time.monotonic() + timeout
    last = None
    for _ in range(int(timeout / interval) + 2):
        last = probe()
        if last:
            return last
        if time.monotonic() >= deadline:
            break
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}; last value: {last!r}")


def main():
    global SEXTANT_BINARY
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--sextant", default=SEXTANT_BINARY)
    options, rest = parser.parse_known_args()
    SEXTANT_BINARY = options.sextant
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)

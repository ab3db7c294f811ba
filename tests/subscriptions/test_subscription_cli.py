#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Sextant: `sextant query` with subscription operations (NDJSON over WebSocket) against the reference servers.
"""End-to-end tests of the CLI's subscription mode (cli/subscribecommand.h, PROTOCOLS.md section 3).

The servers are tests/reference/graphql_ws_server.mjs (graphql-ws 5.16.2, graphql-transport-ws) and
tests/reference/legacy_ws_server.mjs (subscriptions-transport-ws 0.11.0, graphql-ws), run with node.
"""

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
import e2e_support  # noqa: E402  (shared helpers: the sextant binary, bounded waits)
from e2e_support import Sextant  # noqa: E402

REFERENCE_DIR = os.path.join(e2e_support.SOURCE_DIR, "tests", "reference")


class NodeServer:
    """A tests/reference/*.mjs server: started with node, stopped by closing stdin (then SIGTERM, SIGKILL)."""

    def __init__(self, script, *args):
        self.command = ["node", os.path.join(REFERENCE_DIR, script), *args]
        self.process = None
        self.port = None

    def start(self, timeout=30):
        self.process = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        cwd=REFERENCE_DIR)
        lines = queue.Queue()
        threading.Thread(target=lambda: [lines.put(raw.decode().strip()) for raw in self.process.stdout],
                         daemon=True).start()
        deadline = time.monotonic() + timeout
        while self.port is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.stop()
                raise RuntimeError(f"{self.command[1]} did not print PORT= within {timeout} s")
            try:
                line = lines.get(timeout=remaining)
            except queue.Empty:
                continue
            if line.startswith("PORT="):
                self.port = int(line[5:])
        return self

    def stop(self):
        if self.process is None:
            return
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)
        try:
            self.process.stdout.close()
        except OSError:
            pass
        self.process = None

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}/graphql"


def ndjson(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


class SubscriptionCliTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.transport = NodeServer("graphql_ws_server.mjs").start()
        cls.legacy = NodeServer("legacy_ws_server.mjs").start()

    @classmethod
    def tearDownClass(cls):
        cls.transport.stop()
        cls.legacy.stop()

    def test_countdown_prints_one_line_per_payload(self):
        result = Sextant.query("subscription C($n: Int!) { countdown(from: $n, delayMs: 10) }",
                               "--endpoint", self.transport.endpoint, "--var", "n=3")
        self.assertEqual(result.status, 0, result.describe())
        self.assertEqual([m["data"]["countdown"] for m in ndjson(result)], [3, 2, 1, 0], result.describe())
        self.assertEqual(len(result.stdout.splitlines()), 4)  # compact: one JSON document per line
        self.assertEqual(result.stderr, "")

    def test_max_messages_unsubscribes(self):
        result = Sextant.query("subscription { forever }", "--endpoint", self.transport.endpoint,
                               "--max-messages", "3")
        self.assertEqual(result.status, 0, result.describe())
        self.assertEqual([m["data"]["forever"] for m in ndjson(result)], [0, 1, 2])

    def test_validation_error_exits_1(self):
        result = Sextant.query("subscription { nope }", "--endpoint", self.transport.endpoint)
        self.assertEqual(result.status, 1, result.describe())
        self.assertIn('sextant: the server rejected the operation: Cannot query field "nope"', result.stderr)
        self.assertEqual(len(ndjson(result)), 1)
        self.assertIn("errors", ndjson(result)[0])

    def test_forced_protocol_mismatch_is_explained(self):
        result = Sextant.query("subscription { forever }", "--endpoint", self.transport.endpoint,
                               "--ws-protocol", "graphql-ws")
        self.assertEqual(result.status, 2, result.describe())
        self.assertIn("4406 Subprotocol Not Acceptable", result.stderr)
        self.assertEqual(result.stdout, "")

    def test_legacy_server_with_auto_and_ws_url(self):
        result = Sextant.query("subscription { countdown(from: 2, delayMs: 10) }",
                               "--endpoint", "http://127.0.0.1:1/unused",
                               "--ws-url", f"ws://127.0.0.1:{self.legacy.port}/graphql")
        self.assertEqual(result.status, 0, result.describe())
        self.assertEqual([m["data"]["countdown"] for m in ndjson(result)], [2, 1, 0])

    def test_ctrl_c_stops_cleanly(self):
        process = subprocess.Popen([Sextant.binary(), "query", "--endpoint", self.transport.endpoint],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        process.stdin.write(b"subscription { forever }")
        process.stdin.close()
        first = process.stdout.readline()  # blocks until the first payload arrives (bounded by the server: 50 ms)
        self.assertEqual(json.loads(first)["data"]["forever"], 0)
        process.send_signal(signal.SIGINT)
        try:
            status = process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
            self.fail("sextant did not stop within 20 s of SIGINT")
        rest = process.stdout.read().decode()
        stderr = process.stderr.read().decode()
        process.stdout.close()
        process.stderr.close()
        self.assertEqual(status, 0, stderr)
        for line in rest.splitlines():
            json.loads(line)  # every line written is a whole JSON document

    def test_refused_connection(self):
        result = Sextant.query("subscription { forever }", "--endpoint", "http://127.0.0.1:1/graphql")
        self.assertEqual(result.status, 2, result.describe())
        self.assertIn("sextant: could not open the WebSocket to ws://127.0.0.1:1/graphql", result.stderr)

    def test_bad_options(self):
        result = Sextant.query("subscription { forever }", "--endpoint", self.transport.endpoint,
                               "--ws-protocol", "sse")
        self.assertEqual(result.status, 2)
        self.assertIn("--ws-protocol expects auto, graphql-transport-ws or graphql-ws", result.stderr)
        result = Sextant.query("subscription { forever }", "--endpoint", self.transport.endpoint,
                               "--max-messages", "0")
        self.assertEqual(result.status, 2)
        self.assertIn("--max-messages expects a positive number", result.stderr)

    def test_queries_still_go_over_http(self):
        # A document with a query and a subscription: the selected query is sent over HTTP as before
        # (the reference server answers plain HTTP with 404 "WebSocket only").
        result = Sextant.query("query Q { hello } subscription S { forever }", "--endpoint",
                               self.transport.endpoint, "--operation", "Q")
        self.assertEqual(result.status, 2, result.describe())
        self.assertIn("404", result.stderr)


if __name__ == "__main__":
    e2e_support.main()

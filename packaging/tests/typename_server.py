#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Sextant: a tiny GraphQL-over-HTTP server for the packaging test: answers {"data":{"__typename":"Query"}}.
"""The smallest GraphQL endpoint `sextant query` can talk to, for packaging/tests/check_deb.py.

Listens on 127.0.0.1 only, on the given port (0 = a free one), prints ``PORT=<n>`` on its own line once it
accepts connections, and answers ``POST /graphql`` with a JSON body whose ``query`` is a string with
``{"data":{"__typename":"Query"}}``; any other request gets a GraphQL error with status 400 (or 404 for another
path). It stops when its standard input closes, on SIGTERM, or after ``--lifetime`` seconds (a bound, so it never
outlives a crashed test). Python standard library only.
"""

import argparse
import json
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ANSWER = b'{"data":{"__typename":"Query"}}'
MAX_BODY = 1 << 20


class Handler(BaseHTTPRequestHandler):
    server_version = "SextantPackagingTest/1"

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # keep the test output quiet

    def reply(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def error(self, status, message):
        self.reply(status, json.dumps({"errors": [{"message": message}]}).encode("utf-8"))

    def do_GET(self):  # noqa: N802 - http.server's naming
        self.error(405, "use POST")

    def do_POST(self):  # noqa: N802
        if self.path.split("?", 1)[0] != "/graphql":
            self.error(404, "not found")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length <= 0 or length > MAX_BODY:
            self.error(400, "a JSON body is required")
            return
        try:
            request = json.loads(self.rfile.read(length))
        except ValueError:
            self.error(400, "the body is not JSON")
            return
        if not isinstance(request, dict) or not isinstance(request.get("query"), str):
            self.error(400, "the body has no query string")
            return
        self.reply(200, ANSWER)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--lifetime", type=float, default=120.0, help="stop after this many seconds")
    options = parser.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", options.port), Handler)
    server.daemon_threads = True
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())

    def watch_stdin():
        sys.stdin.read()  # returns when the parent closes our stdin or exits
        stop.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    print(f"PORT={server.server_address[1]}", flush=True)
    stop.wait(options.lifetime)
    server.shutdown()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

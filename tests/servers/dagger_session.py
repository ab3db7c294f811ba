#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Sextant: a `dagger run`-compatible session server serving the real Dagger SDL, for tests without a Dagger engine.
"""A stand-in for the HTTP session server that ``dagger run`` starts (PROTOCOLS.md sections 5.1 and 5.2).

A real Dagger engine needs a container runtime; this machine has none. This server speaks the same HTTP
contract and serves the real Dagger schema (tests/fixtures/schemas/dagger/schema.graphql), executing
queries with the deterministic resolvers of dagger_engine.py (graphql-core, from the project's .venv).

Wire behaviour, as the real session proxy and gqlgen handler do it:
* listens on 127.0.0.1 only; every request needs HTTP Basic auth whose username equals the session token
  (password ignored); otherwise 401, ``WWW-Authenticate: Basic realm="Access to the Dagger engine session"``,
  empty body. Auth is checked before anything else, for every path and method.
* ``POST /query`` with ``Content-Type: application/json`` and a ``{"query", "variables", "operationName"}``
  body. Anything else on /query: 400 "transport not supported" (JSON); other methods 405; other paths 404.
* parse and validation failures, unknown operation names and bad variables: 422 with
  ``{"errors": [...], "data": null}``; executed operations: 200 with ``data`` and, for field errors, ``errors``.
  All GraphQL bodies are ``application/json``.
Differences from the real engine: all standard validation rules apply (Dagger drops ScalarLeafs and
ValuesOfCorrectType), GET/multipart/WebSocket transports and persisted queries are not offered.

Usage: ``python tests/servers/dagger_session.py --port 0 --token TOKEN`` prints ``PORT=<n>`` as its first
stdout line once listening, then serves until SIGTERM/SIGINT, or until stdin reaches EOF when stdin is a
pipe (so a parent that dies takes the server with it). The token can also come from DAGGER_SESSION_TOKEN.
"""

import argparse
import base64
import binascii
import hmac
import json
import os
import signal
import stat
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from graphql import (GraphQLError, build_schema, execute, parse, validate)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dagger_engine  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMA = os.path.join(HERE, "..", "fixtures", "schemas", "dagger", "schema.graphql")
REALM = 'Basic realm="Access to the Dagger engine session"'
MAX_BODY = 64 * 1024 * 1024


def graphql_response(document_text, variables, operation_name, schema):
    """Returns (status, body dict) for one GraphQL request, following gqlgen's status codes."""
    if not isinstance(document_text, str) or not document_text.strip():
        return 422, {"errors": [{"message": "no operation provided"}], "data": None}
    try:
        document = parse(document_text)
    except GraphQLError as error:
        return 422, {"errors": [error.formatted], "data": None}
    errors = validate(schema, document)
    if errors:
        return 422, {"errors": [e.formatted for e in errors], "data": None}
    result = execute(schema, document, root_value=dagger_engine.root_value(),
                     variable_values=variables, operation_name=operation_name)
    if result.errors and result.data is None and all(not e.path for e in result.errors):
        # Unknown operation name or variables that do not coerce: rejected before execution.
        return 422, {"errors": [e.formatted for e in result.errors], "data": None}
    body = {}
    if result.errors:
        body["errors"] = [e.formatted for e in result.errors]
    body["data"] = result.data
    return 200, body


class SessionHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def version_string(self):
        return "sextant-dagger-session"

    def log_message(self, format, *args):  # noqa: A002 - BaseHTTPRequestHandler's signature
        if self.server.verbose:
            sys.stderr.write("dagger_session: %s\n" % (format % args))

    def _send(self, status, body=b"", content_type=None, headers=()):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for key, value in headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def _send_json(self, status, payload):
        self._send(status, json.dumps(payload, ensure_ascii=False).encode("utf-8"), "application/json")

    def _read_body(self):
        length = self.headers.get("Content-Length")
        if length is None:
            return None
        length = int(length)
        if length < 0 or length > MAX_BODY:
            raise ValueError("request body too large")
        return self.rfile.read(length)

    def _authorized(self):
        header = self.headers.get("Authorization", "")
        scheme, _, encoded = header.partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            username = base64.b64decode(encoded.strip(), validate=True).decode("utf-8").partition(":")[0]
        except (binascii.Error, UnicodeDecodeError):
            return False
        return hmac.compare_digest(username.encode("utf-8"), self.server.token.encode("utf-8"))

    def _handle(self):
        try:
            body = self._read_body()
        except ValueError:
            self.close_connection = True
            self._send(413, b"request body too large\n", "text/plain; charset=utf-8")
            return
        if not self._authorized():
            self._send(401, headers=[("WWW-Authenticate", REALM)])
            return
        if self.path.split("?", 1)[0] != "/query":
            self._send(404, b"404 page not found\n", "text/plain; charset=utf-8")
            return
        if self.command != "POST":
            self._send(405, b"method not allowed\n", "text/plain; charset=utf-8", [("Allow", "POST")])
            return
        if body is None:
            self._send(411, b"length required\n", "text/plain; charset=utf-8")
            return
        if "application/json" not in self.headers.get("Content-Type", ""):
            self._send_json(400, {"errors": [{"message": "transport not supported"}], "data": None})
            return
        try:
            request = json.loads(body.decode("utf-8"))
            if not isinstance(request, dict):
                raise ValueError("not an object")
        except (ValueError, UnicodeDecodeError) as error:
            self._send_json(400, {"errors": [{"message": f"json request body could not be decoded: {error}"}],
                                  "data": None})
            return
        variables = request.get("variables") or None
        if variables is not None and not isinstance(variables, dict):
            self._send_json(422, {"errors": [{"message": "variables must be a JSON object"}], "data": None})
            return
        status, payload = graphql_response(request.get("query"), variables, request.get("operationName") or None,
                                           self.server.schema)
        self._send_json(status, payload)

    do_POST = do_GET = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _handle


class SessionServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port, token, schema, verbose):
        super().__init__(("127.0.0.1", port), SessionHandler)
        self.token = token
        self.schema = schema
        self.verbose = verbose


def load_schema(path):
    with open(path, encoding="utf-8") as sdl:
        return dagger_engine.install_resolvers(build_schema(sdl.read()))


def stdin_is_pipe():
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0 = any free port)")
    parser.add_argument("--token", default=os.environ.get("DAGGER_SESSION_TOKEN", ""),
                        help="session token (default: $DAGGER_SESSION_TOKEN)")
    parser.add_argument("--schema", default=DEFAULT_SCHEMA, help="Dagger SDL to serve")
    parser.add_argument("--verbose", action="store_true", help="log requests to stderr (never headers)")
    options = parser.parse_args(argv)
    if not options.token:
        parser.error("a session token is required (--token or DAGGER_SESSION_TOKEN)")

    server = SessionServer(options.port, options.token, load_schema(options.schema), options.verbose)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    if stdin_is_pipe():
        def watch_stdin(stdin_fd=sys.stdin.fileno()):
            while os.read(stdin_fd, 4096):  # os.read: a buffered reader would block interpreter shutdown
                pass
            stop.set()
        threading.Thread(target=watch_stdin, daemon=True).start()

    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True).start()
    print(f"PORT={server.server_address[1]}", flush=True)
    while not stop.wait(0.5):
        pass
    server.shutdown()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

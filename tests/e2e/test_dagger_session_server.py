# SPDX-License-Identifier: MIT
# Sextant: checks that tests/servers/dagger_session.py keeps the `dagger run` session contract (PROTOCOLS.md 5.1-5.2).
"""The Dagger stand-in is only useful if it answers like the real session proxy, so its HTTP contract is tested
directly here with http.client (no Sextant code involved): auth, status codes, content types, introspection,
keep-alive, and shutting down on SIGTERM and on stdin EOF.
"""

import base64
import http.client
import json
import secrets
import signal
import subprocess
import sys
import unittest

from e2e_support import SERVERS_DIR, TestServer, fixture, main

sys.path.insert(0, SERVERS_DIR)
import dagger_engine  # noqa: E402

TOKEN = secrets.token_hex(16)
REALM = 'Basic realm="Access to the Dagger engine session"'
server = None


def setUpModule():
    global server
    server = TestServer("dagger_session.py", "--port", "0", "--token", TOKEN).start(60)


def tearDownModule():
    if server:
        server.stop()


def basic(user):
    return "Basic " + base64.b64encode(f"{user}:".encode()).decode()


class DaggerSessionServerTest(unittest.TestCase):
    def request(self, method="POST", path="/query", body=None, auth=TOKEN, content_type="application/json",
                connection=None):
        own = connection is None
        connection = connection or http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        headers = {}
        if auth is not None:
            headers["Authorization"] = basic(auth)
        if content_type:
            headers["Content-Type"] = content_type
        payload = json.dumps(body).encode() if isinstance(body, dict) else body
        connection.request(method, path, body=payload, headers=headers)
        response = connection.getresponse()
        raw = response.read()
        if own:
            connection.close()
        return response, raw

    def graphql(self, query, variables=None, operation_name=None):
        response, raw = self.request(body={"query": query, "variables": variables, "operationName": operation_name})
        self.assertEqual(response.getheader("Content-Type"), "application/json")
        return response.status, json.loads(raw)

    def test_missing_or_wrong_token_is_401_with_empty_body(self):
        for auth in (None, "wrong-" + TOKEN, ""):
            with self.subTest(auth=auth):
                response, raw = self.request(body={"query": "{ version }"}, auth=auth)
                self.assertEqual(response.status, 401)
                self.assertEqual(response.getheader("WWW-Authenticate"), REALM)
                self.assertEqual(raw, b"")

    def test_auth_is_checked_before_routing(self):
        response, raw = self.request(method="GET", path="/anything", auth=None)
        self.assertEqual((response.status, raw), (401, b""))

    def test_password_is_ignored(self):
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        auth = "Basic " + base64.b64encode(f"{TOKEN}:some-password".encode()).decode()
        connection.request("POST", "/query", body=b'{"query":"{ version }"}',
                           headers={"Authorization": auth, "Content-Type": "application/json"})
        response = connection.getresponse()
        self.assertEqual(json.loads(response.read()), {"data": {"version": dagger_engine.ENGINE_VERSION}})
        connection.close()

    def test_executed_operation_is_200(self):
        status, body = self.graphql(fixture("queries/dagger/01_container_from_alpine_uname.graphql"))
        self.assertEqual(status, 200)
        self.assertNotIn("errors", body)
        self.assertTrue(body["data"]["container"]["from"]["withExec"]["stdout"].startswith("Linux "))

    def test_invalid_documents_are_422(self):
        cases = [("{ version", None, None, "Syntax Error"),
                 ("{ noSuchField }", None, None, "noSuchField"),
                 ("query A { version }", None, "B", "Unknown operation"),
                 ("query Q($id: ID!) { node(id: $id) { id } }", None, None, "$id")]
        for query, variables, operation, message in cases:
            with self.subTest(query=query):
                status, body = self.graphql(query, variables, operation)
                self.assertEqual(status, 422)
                self.assertIsNone(body["data"])
                self.assertIn(message, body["errors"][0]["message"])

    def test_field_errors_are_200_with_partial_data(self):
        status, body = self.graphql('{ version host { directory(path: ".") { entries } } }')
        self.assertEqual(status, 200)
        self.assertIn("not supported by the Sextant test server", body["errors"][0]["message"])
        self.assertEqual(body["errors"][0]["path"], ["host"])

    def test_transport_errors(self):
        response, raw = self.request(body=b"{}", content_type="text/plain")
        self.assertEqual(response.status, 400)
        self.assertEqual(json.loads(raw)["errors"][0]["message"], "transport not supported")
        response, raw = self.request(body=b"{not json")
        self.assertEqual(response.status, 400)
        response, _ = self.request(method="GET", body=None, content_type=None)
        self.assertEqual(response.status, 405)
        response, _ = self.request(path="/graphql", body={"query": "{ version }"})
        self.assertEqual(response.status, 404)

    def test_introspection_serves_the_real_schema(self):
        status, body = self.graphql("{ __schema { queryType { name } mutationType { name } types { name } } }")
        self.assertEqual(status, 200)
        schema = body["data"]["__schema"]
        self.assertEqual(schema["queryType"]["name"], "Query")
        self.assertIsNone(schema["mutationType"])
        names = {t["name"] for t in schema["types"]}
        self.assertEqual(len(names), 120)  # tests/fixtures/schemas/dagger/SOURCE.md: 120 types with __ types
        self.assertTrue({"Container", "Directory", "GitRepository", "Node"} <= names)

    def test_fixture_pipelines_execute_without_errors(self):
        for name in ("01_container_from_alpine_uname", "02_git_branch_tree_id", "04_env_variables",
                     "08_with_new_file_read_back", "14_version_and_platform"):
            with self.subTest(query=name):
                status, body = self.graphql(fixture(f"queries/dagger/{name}.graphql"))
                self.assertEqual(status, 200)
                self.assertNotIn("errors", body)

    def test_keep_alive_connection_serves_several_requests(self):
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        for _ in range(3):
            response, raw = self.request(body={"query": "{ defaultPlatform }"}, connection=connection)
            self.assertEqual(json.loads(raw), {"data": {"defaultPlatform": dagger_engine.DEFAULT_PLATFORM}})
        connection.close()


class DaggerSessionLifetimeTest(unittest.TestCase):
    def test_stops_on_sigterm_and_on_stdin_eof(self):
        for stop in ("sigterm", "stdin"):
            with self.subTest(stop=stop):
                own = TestServer("dagger_session.py", "--token", TOKEN).start(60)
                process = own.process
                if stop == "sigterm":
                    process.send_signal(signal.SIGTERM)
                else:
                    process.stdin.close()
                try:
                    status = process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    status = None
                own.stop()
                self.assertEqual(status, 0, f"the server did not exit cleanly within 10 s after {stop}")


if __name__ == "__main__":
    main()

# SPDX-License-Identifier: MIT
# Sextant: end-to-end tests of `sextant query --dagger` against the Dagger session stand-in.
"""`sextant query --dagger` against tests/servers/dagger_session.py.

The stand-in serves the real Dagger SDL with `dagger run`'s session contract (Basic auth with the session token
as username, 422 for invalid documents) and deterministic resolvers (tests/servers/dagger_engine.py), because a
real Dagger engine needs a container runtime. Expected outputs are computed with the same engine module, so the
tests check that the CLI carries requests and responses byte for byte, not what a fake would say.
"""

import base64
import json
import secrets
import sys
import unittest

from e2e_support import SERVERS_DIR, Sextant, TestServer, fixture, main

sys.path.insert(0, SERVERS_DIR)
import dagger_engine  # noqa: E402

TOKEN = secrets.token_hex(16)
server = None


def setUpModule():
    global server
    server = TestServer("dagger_session.py", "--port", "0", "--token", TOKEN).start(60)


def tearDownModule():
    if server:
        server.stop()


def simulated_stdout(args, env=None):
    machine = dagger_engine.Machine(dagger_engine.DEFAULT_PLATFORM)
    machine.env.update(env or {})
    return machine.simulate(args, "")[1]


class DaggerCliTest(unittest.TestCase):
    def session_env(self, token=TOKEN):
        return {"DAGGER_SESSION_PORT": str(server.port), "DAGGER_SESSION_TOKEN": token}

    def dagger_query(self, document, *args, token=TOKEN):
        return Sextant.query(document, "--dagger", *args, env=self.session_env(token))

    def assert_ok(self, result):
        self.assertEqual(result.status, 0, result.describe())
        self.assertEqual(result.errors, [], result.describe())
        self.assertIsNotNone(result.data, result.describe())
        return result.data

    def test_container_uname(self):
        data = self.assert_ok(self.dagger_query(fixture("queries/dagger/01_container_from_alpine_uname.graphql")))
        self.assertEqual(data["container"]["from"]["withExec"]["stdout"], simulated_stdout(["uname", "-a"]))

    def test_unicode_environment_round_trip(self):
        data = self.assert_ok(self.dagger_query(fixture("queries/dagger/04_env_variables.graphql")))
        container = data["container"]["from"]["withEnvVariable"]["withEnvVariable"]
        self.assertEqual(container["envVariables"], [{"name": "APP_ENV", "value": "ci"},
                                                     {"name": "GREETING", "value": "grüß dich 👋"}])
        self.assertEqual(container["withExec"]["stdout"], "grüß dich 👋\n")
        self.assertEqual(container["withExec"]["exitCode"], 0)

    def test_directory_id_chain_from_git_to_go_build(self):
        first = self.assert_ok(self.dagger_query(fixture("queries/dagger/02_git_branch_tree_id.graphql")))
        directory_id = first["git"]["branch"]["tree"]["id"]
        state = json.loads(base64.b64decode(directory_id))
        self.assertEqual(state, {"type": "Directory", "git": "https://github.com/dagger/dagger", "ref": "main"})

        second = self.assert_ok(self.dagger_query(fixture("queries/dagger/03_go_build_export.graphql"),
                                                  "--var", f"id={directory_id}"))
        exported = second["container"]["from"]["withDirectory"]["withWorkdir"]["withExec"]["directory"]["file"]
        self.assertEqual(exported["export"], "./bin/dagger")

        # The same chain with the ID in --variables and a different output path.
        third = self.assert_ok(self.dagger_query(fixture("queries/dagger/03_go_build_export.graphql"),
                                                 "--variables", json.dumps({"id": directory_id, "out": "/tmp/x"})))
        exported = third["container"]["from"]["withDirectory"]["withWorkdir"]["withExec"]["directory"]["file"]
        self.assertEqual(exported["export"], "/tmp/x")

    def test_multi_kilobyte_id_survives_the_round_trip(self):
        contents = "".join(f"line {n:05d} ✓\n" for n in range(600))  # ~8 KB, so the container ID is ~11 KB
        document = """
query Build($contents: String!) {
  container { from(address: "alpine") { withNewFile(path: "/data.txt", contents: $contents) { id } } }
}"""
        data = self.assert_ok(self.dagger_query(document, "--variables", json.dumps({"contents": contents})))
        container_id = data["container"]["from"]["withNewFile"]["id"]
        self.assertGreater(len(container_id), 10000)
        read_back = """
query ReadBack($id: ID!) {
  node(id: $id) { ... on Container { file(path: "/data.txt") { contents size } } }
}"""
        data = self.assert_ok(self.dagger_query(read_back, "--var", f"id={container_id}"))
        self.assertEqual(data["node"]["file"]["contents"], contents)
        self.assertEqual(data["node"]["file"]["size"], len(contents.encode("utf-8")))

    def test_failed_exec_exits_1_with_exec_error(self):
        document = '{ container { from(address: "alpine") { withExec(args: ["sh", "-c", "exit 3"]) { stdout } } } }'
        result = self.dagger_query(document)
        self.assertEqual(result.status, 1, result.describe())
        self.assertEqual(len(result.errors), 1, result.describe())
        extensions = result.errors[0]["extensions"]
        self.assertEqual(extensions["_type"], "EXEC_ERROR")
        self.assertEqual(extensions["exitCode"], 3)
        self.assertEqual(extensions["cmd"], ["sh", "-c", "exit 3"])

    def test_invalid_document_exits_1_with_the_servers_errors(self):
        result = self.dagger_query("{ container { noSuchField } }")
        self.assertEqual(result.status, 1, result.describe())
        self.assertIn("noSuchField", result.errors[0]["message"], result.describe())

    def test_operation_selection(self):
        document = "query A { version } query B { defaultPlatform }"
        data = self.assert_ok(self.dagger_query(document, "--operation", "B"))
        self.assertEqual(data, {"defaultPlatform": dagger_engine.DEFAULT_PLATFORM})

    def test_wrong_token_exits_2_mentioning_the_token(self):
        wrong = secrets.token_hex(16)
        result = self.dagger_query("{ version }", token=wrong)
        self.assertEqual(result.status, 2, result.describe())
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.describe())
        self.assertRegex(result.stderr.lower(), r"401|token", result.describe())
        self.assertNotIn(wrong, result.stderr + result.stdout)  # never print a token

    def test_dagger_without_session_environment_exits_2(self):
        result = Sextant.query("{ version }", "--dagger")
        self.assertEqual(result.status, 2, result.describe())
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.describe())
        self.assertIn("DAGGER_SESSION_PORT", result.stderr, result.describe())

    def test_header_option_reaches_the_server(self):
        # With --endpoint and an explicit Authorization header instead of --dagger: the same session, same answer.
        basic = base64.b64encode(f"{TOKEN}:".encode()).decode()
        result = Sextant.query("{ version }", "--endpoint", f"http://127.0.0.1:{server.port}/query",
                               "--header", f"Authorization: Basic {basic}")
        self.assertEqual(self.assert_ok(result), {"version": dagger_engine.ENGINE_VERSION})


if __name__ == "__main__":
    main()

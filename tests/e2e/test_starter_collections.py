# SPDX-License-Identifier: MIT
# Sextant: every built-in starter collection request (resources/collections) run through `sextant query`.
"""The starter collections against the servers they are written for.

resources/collections/dagster/** runs against a real dagster-webserver on examples/dagster/definitions.py
(tests/servers/dagster_server.py) and resources/collections/dagger/** against the Dagger session stand-in
(tests/servers/dagger_session.py). Each request is read as Sextant stores it (the .graphql document and its
.request.json sidecar: operationName, endpoint kind, variables) and sent with `sextant query`, with the sidecar's
variables, overridden only where a value comes from an earlier answer (a run id, a directory id). The default
variables must fit the demo servers as they are (code location and repository names included). A final test
checks that every starter request was exercised.
"""

import json
import os
import secrets
import unittest

from e2e_support import SOURCE_DIR, Sextant, TestServer, main, wait_until

COLLECTIONS_DIR = os.path.join(SOURCE_DIR, "resources", "collections")
SERVER_START_SECONDS = 180
RUN_TIMEOUT_SECONDS = 120
DEMO_JOBS = {"quick_job", "configured_job", "failing_job", "slow_job"}
TERMINAL = {"SUCCESS", "FAILURE", "CANCELED"}
TOKEN = secrets.token_hex(16)

dagster = None
dagger = None
exercised = set()


def setUpModule():
    global dagster, dagger
    dagger = TestServer("dagger_session.py", "--port", "0", "--token", TOKEN).start(60)
    dagster = TestServer("dagster_server.py", "--timeout", str(SERVER_START_SECONDS)).start(SERVER_START_SECONDS + 30)


def tearDownModule():
    for server in (dagster, dagger):
        if server:
            server.stop()


def starter_requests():
    """Relative .graphql paths of every starter request."""
    found = []
    for root, _dirs, files in os.walk(COLLECTIONS_DIR):
        for name in files:
            if name.endswith(".graphql"):
                found.append(os.path.relpath(os.path.join(root, name), COLLECTIONS_DIR))
    return sorted(found)


def load(relative_path):
    """(document, sidecar dict) of one starter request, as CollectionStore reads it."""
    path = os.path.join(COLLECTIONS_DIR, relative_path)
    with open(path, encoding="utf-8") as handle:
        document = handle.read()
    sidecar_path = path[: -len(".graphql")] + ".request.json"
    with open(sidecar_path, encoding="utf-8") as handle:
        sidecar = json.load(handle)
    return document, sidecar


class StarterCollectionsTest(unittest.TestCase):
    def run_starter(self, relative_path, **overrides):
        exercised.add(relative_path)
        document, sidecar = load(relative_path)
        self.assertEqual(sidecar["version"], 1)
        variables = sidecar.get("variables") or {}
        self.assertIsInstance(variables, dict, relative_path)
        variables = {**variables, **overrides}
        args = ["--variables", json.dumps(variables)]
        if sidecar.get("operationName"):
            args += ["--operation", sidecar["operationName"]]
        kind = sidecar["endpoint"]["kind"]
        if kind == "dagster":
            result = Sextant.query(document, "--endpoint", f"http://127.0.0.1:{dagster.port}/graphql", *args)
        elif kind == "dagger-session":
            result = Sextant.query(document, "--dagger", *args,
                                   env={"DAGGER_SESSION_PORT": str(dagger.port), "DAGGER_SESSION_TOKEN": TOKEN})
        else:
            self.fail(f"{relative_path}: unexpected endpoint kind {kind!r}")
        self.assertEqual(result.status, 0, result.describe())
        self.assertEqual(result.errors, [], result.describe())
        self.assertIsNotNone(result.data, result.describe())
        return result.data

    # Dagster ---------------------------------------------------------------------------------------------------

    def run_status(self, run_id):
        data = self.run_starter("dagster/Runs/Run status.graphql", runId=run_id)["runOrError"]
        self.assertEqual(data["__typename"], "Run", data)
        self.assertEqual(data["runId"], run_id)
        return data["status"]

    def wait_for_status(self, run_id, wanted):
        last = wait_until(lambda: (lambda s: s if s in wanted or s in TERMINAL else None)(self.run_status(run_id)),
                          RUN_TIMEOUT_SECONDS, what=f"run {run_id} to reach {sorted(wanted)}")
        self.assertIn(last, wanted, f"run {run_id} ended as {last}")

    def launch(self, **overrides):
        launched = self.run_starter("dagster/Runs/Launch run.graphql", **overrides)["launchRun"]
        self.assertEqual(launched["__typename"], "LaunchRunSuccess", launched)
        return launched["run"]["runId"]

    def test_repositories_and_jobs_match_the_demo(self):
        data = self.run_starter("dagster/Workspace/Repositories and jobs.graphql")["repositoriesOrError"]
        self.assertEqual(data["__typename"], "RepositoryConnection", data)
        by_name = {node["name"]: node for node in data["nodes"]}
        repository = by_name[dagster.values["REPOSITORY"]]
        self.assertEqual(repository["location"]["name"], dagster.values["LOCATION"])
        self.assertEqual({job["name"] for job in repository["jobs"] if not job["name"].startswith("__")}, DEMO_JOBS)
        # The starters' default variables name this location and repository, so they run as they are.
        _document, launch = load("dagster/Runs/Launch run.graphql")
        self.assertEqual(launch["variables"]["repositoryLocationName"], dagster.values["LOCATION"])
        self.assertEqual(launch["variables"]["repositoryName"], dagster.values["REPOSITORY"])

    def test_reload_code_location(self):
        data = self.run_starter("dagster/Workspace/Reload code location.graphql")["reloadRepositoryLocation"]
        self.assertEqual(data["__typename"], "WorkspaceLocationEntry", data)
        self.assertEqual(data["name"], dagster.values["LOCATION"])
        location = data["locationOrLoadError"]
        self.assertEqual(location["__typename"], "RepositoryLocation", location)
        self.assertIn(dagster.values["REPOSITORY"], [r["name"] for r in location["repositories"]])

    def test_launch_status_and_runs_with_filter_and_pagination(self):
        launched = [self.launch() for _ in range(2)]  # the default variables launch quick_job
        for run_id in launched:
            self.wait_for_status(run_id, {"SUCCESS"})

        page = self.run_starter("dagster/Runs/Runs with filter and pagination.graphql")["runsOrError"]
        self.assertEqual(page["__typename"], "Runs", page)
        self.assertTrue(set(launched) <= {run["runId"] for run in page["results"]}, page)
        self.assertTrue(all(run["status"] in {"SUCCESS", "FAILURE", "CANCELED"} for run in page["results"]))

        only_success = {"statuses": ["SUCCESS"], "jobName": "quick_job"}
        first = self.run_starter("dagster/Runs/Runs with filter and pagination.graphql", limit=1,
                                 **only_success)["runsOrError"]["results"]
        self.assertEqual(len(first), 1)
        second = self.run_starter("dagster/Runs/Runs with filter and pagination.graphql", limit=1,
                                  cursor=first[0]["runId"], **only_success)["runsOrError"]["results"]
        self.assertEqual(len(second), 1)
        self.assertNotEqual(first[0]["runId"], second[0]["runId"])
        self.assertTrue(all(run["status"] == "SUCCESS" and run["jobName"] == "quick_job" for run in first + second))

    def test_launch_and_terminate_slow_job(self):
        run_id = self.launch(jobName="slow_job")
        self.wait_for_status(run_id, {"STARTED"})
        data = self.run_starter("dagster/Runs/Terminate run.graphql", runId=run_id)["terminateRun"]
        self.assertEqual(data["__typename"], "TerminateRunSuccess", data)
        self.assertEqual(data["run"]["runId"], run_id)
        self.wait_for_status(run_id, {"CANCELED"})

    # Dagger ----------------------------------------------------------------------------------------------------

    def test_container_uname(self):
        data = self.run_starter("dagger/Container uname.graphql")
        stdout = data["container"]["from"]["withExec"]["stdout"]
        self.assertTrue(stdout.startswith("Linux "), stdout)

    def test_git_tree_id_then_build_with_the_directory_id(self):
        data = self.run_starter("dagger/Git tree id.graphql")
        directory_id = data["git"]["branch"]["tree"]["id"]
        self.assertTrue(directory_id)
        data = self.run_starter("dagger/Build with a directory id.graphql", directoryId=directory_id)
        built = data["container"]["from"]["withDirectory"]["withWorkdir"]["withExec"]
        self.assertEqual(built["exitCode"], 0, built)
        self.assertEqual(built["file"]["name"], "dagger")
        self.assertGreater(built["file"]["size"], 0)

    # Coverage (runs last: unittest orders tests by name) -------------------------------------------------------

    def test_zz_every_starter_request_was_run(self):
        self.assertEqual(sorted(exercised), starter_requests())


if __name__ == "__main__":
    main()

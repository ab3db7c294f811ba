# SPDX-License-Identifier: MIT
# Sextant: end-to-end tests of `sextant query` against a real Dagster webserver running the demo definitions.
"""`sextant query` against dagster-webserver 1.13 serving examples/dagster/definitions.py.

One webserver per module (tests/servers/dagster_server.py, its own temporary DAGSTER_HOME, 127.0.0.1 only).
Runs launched here are real: the webserver's DefaultRunCoordinator starts a run worker per launch, so status
polls are bounded (RUN_TIMEOUT_SECONDS, every 0.5 s). Operation texts are the fixtures in
tests/fixtures/queries/dagster/ where one fits.
"""

import json
import unittest

from e2e_support import Sextant, TestServer, fixture, main, wait_until

SERVER_START_SECONDS = 180
RUN_TIMEOUT_SECONDS = 120
DEMO_JOBS = {"quick_job", "configured_job", "failing_job", "slow_job"}
TERMINAL = {"SUCCESS", "FAILURE", "CANCELED"}

STATUS_QUERY = """
query Status($id: ID!) {
  runOrError(runId: $id) {
    __typename
    ... on Run { runId status jobName }
    ... on RunNotFoundError { message }
    ... on PythonError { message }
  }
}
"""

server = None


def setUpModule():
    global server
    server = TestServer("dagster_server.py", "--timeout", str(SERVER_START_SECONDS)).start(SERVER_START_SECONDS + 30)


def tearDownModule():
    if server:
        server.stop()


class DagsterCliTest(unittest.TestCase):
    def endpoint(self, path="/graphql"):
        return f"http://127.0.0.1:{server.port}{path}"

    def run_query(self, document, *args):
        return Sextant.query(document, "--endpoint", self.endpoint(), *args)

    def assert_ok(self, result):
        self.assertEqual(result.status, 0, result.describe())
        self.assertIsNotNone(result.data, result.describe())
        self.assertEqual(result.errors, [], result.describe())
        return result.data

    def launch(self, job, run_config=None):
        variables = {"repositoryLocationName": server.values["LOCATION"],
                     "repositoryName": server.values["REPOSITORY"], "jobName": job,
                     "runConfigData": run_config or {}}
        data = self.assert_ok(self.run_query(fixture("queries/dagster/seed_launch_run.graphql"),
                                             "--variables", json.dumps(variables)))
        return data["launchRun"]

    def launch_run_id(self, job, run_config=None):
        launched = self.launch(job, run_config)
        self.assertEqual(launched["__typename"], "LaunchRunSuccess", launched)
        return launched["run"]["runId"]

    def status(self, run_id):
        data = self.assert_ok(self.run_query(STATUS_QUERY, "--var", f"id={run_id}"))
        self.assertEqual(data["runOrError"]["__typename"], "Run", data)
        return data["runOrError"]["status"]

    def wait_for_status(self, run_id, wanted, timeout=RUN_TIMEOUT_SECONDS):
        last = wait_until(lambda: (lambda s: s if s in wanted or s in TERMINAL else None)(self.status(run_id)),
                          timeout, what=f"run {run_id} to reach {sorted(wanted)}")
        self.assertIn(last, wanted, f"run {run_id} ended as {last}")
        return last

    def test_introspection_lists_dagster_types(self):
        data = self.assert_ok(self.run_query("{ __schema { types { name } } }"))
        names = {t["name"] for t in data["__schema"]["types"]}
        self.assertIn("RunsOrError", names)
        self.assertIn("LaunchRunResult", names)

    def test_repositories_list_the_demo_jobs(self):
        data = self.assert_ok(self.run_query(fixture("queries/dagster/seed_repositories_or_error.graphql")))
        repositories = data["repositoriesOrError"]
        self.assertEqual(repositories["__typename"], "RepositoryConnection")
        by_name = {node["name"]: node for node in repositories["nodes"]}
        self.assertIn(server.values["REPOSITORY"], by_name)
        repository = by_name[server.values["REPOSITORY"]]
        self.assertEqual(repository["location"]["name"], server.values["LOCATION"])
        jobs = {job["name"] for job in repository["jobs"] if not job["name"].startswith("__")}
        self.assertEqual(jobs, DEMO_JOBS)

    def test_quick_job_runs_to_success(self):
        run_id = self.launch_run_id("quick_job")
        self.wait_for_status(run_id, {"SUCCESS"})

    def test_configured_job_with_valid_config_succeeds(self):
        run_id = self.launch_run_id("configured_job", {"ops": {"greet": {"config": {"greeting": "hi", "repeat": 2}}}})
        self.wait_for_status(run_id, {"SUCCESS"})

    def test_configured_job_with_invalid_config_is_rejected(self):
        for run_config in ({}, {"ops": {"greet": {"config": {"greeting": "hi", "repeat": "twice"}}}}):
            with self.subTest(run_config=run_config):
                launched = self.launch("configured_job", run_config)
                self.assertEqual(launched["__typename"], "RunConfigValidationInvalid", launched)
                self.assertEqual(launched["pipelineName"], "configured_job")
                self.assertGreater(len(launched["errors"]), 0)
                self.assertTrue(all(error["message"] for error in launched["errors"]), launched)

    def test_failing_job_ends_in_failure(self):
        run_id = self.launch_run_id("failing_job")
        self.wait_for_status(run_id, {"FAILURE"})

    def test_slow_job_can_be_terminated(self):
        run_id = self.launch_run_id("slow_job")
        self.wait_for_status(run_id, {"STARTED"})
        data = self.assert_ok(self.run_query(fixture("queries/dagster/seed_terminate_run.graphql"),
                                             "--var", f"runId={run_id}"))
        self.assertEqual(data["terminateRun"]["__typename"], "TerminateRunSuccess", data)
        self.assertEqual(data["terminateRun"]["run"]["runId"], run_id)
        self.wait_for_status(run_id, {"CANCELED"}, timeout=90)

    def test_runs_filtered_by_status_page_with_limit_and_cursor(self):
        launched = [self.launch_run_id("quick_job") for _ in range(3)]
        for run_id in launched:
            self.wait_for_status(run_id, {"SUCCESS"})
        document = fixture("queries/dagster/seed_runs_or_error.graphql")
        filter_variables = json.dumps({"statuses": ["SUCCESS"]})

        everything = self.assert_ok(self.run_query(document, "--variables", filter_variables, "--var", "limit=1000"))
        all_ids = [run["runId"] for run in everything["runsOrError"]["results"]]
        self.assertTrue(set(launched) <= set(all_ids), (launched, all_ids))

        paged, cursor = [], None
        for _ in range(len(all_ids) + 1):  # bounded: one page more than the runs that exist
            args = ["--variables", filter_variables, "--var", "limit=2"]
            if cursor:
                args += ["--var", f"cursor={cursor}"]
            page = self.assert_ok(self.run_query(document, *args))["runsOrError"]
            self.assertEqual(page["__typename"], "Runs", page)
            results = page["results"]
            self.assertLessEqual(len(results), 2)
            self.assertTrue(all(run["status"] == "SUCCESS" for run in results), results)
            if not results:
                break
            paged += [run["runId"] for run in results]
            cursor = results[-1]["runId"]
        self.assertEqual(len(paged), len(set(paged)), f"duplicates across pages: {paged}")
        self.assertEqual(paged, all_ids)

    def test_graphql_errors_exit_with_status_1(self):
        result = self.run_query("{ repositoriesOrError { noSuchField } }")
        self.assertEqual(result.status, 1, result.describe())
        self.assertGreater(len(result.errors), 0, result.describe())
        self.assertIn("noSuchField", result.errors[0]["message"])

    def test_a_page_that_is_not_graphql_exits_with_status_2(self):
        # Dagster's catch-all route answers POSTs outside /graphql with 405 text/plain (PROTOCOLS.md 4.2).
        result = Sextant.query("{ __typename }", "--endpoint", self.endpoint("/query"))
        self.assertEqual(result.status, 2, result.describe())
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.describe())
        self.assertTrue(result.stderr.startswith("sextant: "), result.describe())


if __name__ == "__main__":
    main()

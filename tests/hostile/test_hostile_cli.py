# SPDX-License-Identifier: MIT
# Sextant: the hostile-server suite for `sextant query`: every misbehaviour ends in a clear message, in bounded time.
"""`sextant query` against tests/servers/hostile_server.py, one test per behaviour.

Each case runs the CLI with a bounded subprocess timeout and checks that it
* finishes (a subprocess timeout is reported as a freeze),
* did not crash (no signal, no AddressSanitizer / UndefinedBehaviorSanitizer report on stderr),
* exits with the status the answer deserves (0 for a legitimate GraphQL answer, 1 for GraphQL errors,
  2 for transport failures and non-GraphQL replies; cli/querycommand.cpp),
* says what happened: stderr matches every phrase of the case (regular expressions, case-insensitive).

WebSocket cases need `sextant query` to run subscriptions (a `subscription` document over ws:// of the endpoint);
they are skipped, with that reason, while `sextant query --help` does not mention --ws-protocol.

Run by ctest (tests/hostile/CMakeLists.txt) as ``python test_hostile_cli.py --sextant <binary>``.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import e2e_support  # noqa: E402
from e2e_support import Sextant, TestServer  # noqa: E402

SANITIZER = os.environ.get("SEXTANT_SANITIZER") == "1"
SLOW = 4 if SANITIZER else 1
QUERY = "query Hostile { hostile }"
SUBSCRIPTION = "subscription Hostile { ticks }"
SECRET_TOKEN = "hostile-secret-token-81f2"
SECRET_COOKIE = "session=hostile-cookie-value-a7c3"

SERVER = None


def setUpModule():
    global SERVER
    SERVER = TestServer("hostile_server.py").start(timeout=30)


def tearDownModule():
    if SERVER is not None:
        SERVER.stop()


class Run:
    """One finished CLI run: exit status, stderr, the first bytes of stdout and its size, elapsed seconds."""

    def __init__(self, args, status, stdout_head, stdout_size, stderr, elapsed):
        self.args, self.status, self.stdout_head, self.stdout_size = args, status, stdout_head, stdout_size
        self.stderr, self.elapsed = stderr, elapsed

    def describe(self):
        return (f"sextant {' '.join(self.args)} -> exit {self.status} after {self.elapsed:.1f} s\n"
                f"stdout ({self.stdout_size} bytes): {self.stdout_head[:600]!r}\nstderr: {self.stderr[:1500]}")


def run_cli(document, *args, timeout=60):
    """Runs `sextant query ARGS` with stdout in a temporary file (answers can be 100 MB)."""
    arguments = ["query", *args]
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DAGGER_SESSION_")}
    with tempfile.TemporaryFile() as out:
        started = time.monotonic()
        try:
            completed = subprocess.run([Sextant.binary(), *arguments], input=document.encode("utf-8"), stdout=out,
                                       stderr=subprocess.PIPE, env=environment, timeout=timeout * SLOW,
                                       check=False)
        except subprocess.TimeoutExpired as expired:
            raise AssertionError(f"sextant {' '.join(arguments)} froze: no exit within {timeout * SLOW} s; "
                                 f"stderr so far: {(expired.stderr or b'')[:500]!r}") from None
        elapsed = time.monotonic() - started
        size = out.tell()
        out.seek(0)
        head = out.read(64 * 1024).decode("utf-8", errors="replace")
    return Run(arguments, completed.returncode, head, size, completed.stderr.decode("utf-8", errors="replace"),
               elapsed)


def http(path):
    return f"http://127.0.0.1:{SERVER.values['HTTP_PORT']}{path}"


def other_origin_seen():
    with urllib.request.urlopen(f"http://127.0.0.1:{SERVER.values['OTHER_ORIGIN_PORT']}/seen", timeout=10) as reply:
        return json.loads(reply.read().decode("utf-8"))


_SUBSCRIPTIONS = []


def cli_runs_subscriptions():
    """Whether this binary's `sextant query` runs subscriptions (asked once, lazily: the binary is known late)."""
    if not _SUBSCRIPTIONS:
        _SUBSCRIPTIONS.append(_ask_cli_about_subscriptions())
    return _SUBSCRIPTIONS[0]


def _ask_cli_about_subscriptions():
    try:
        completed = subprocess.run([Sextant.binary(), "query", "--help"], capture_output=True, timeout=30,
                                   check=False)
    except (AssertionError, OSError, subprocess.TimeoutExpired):
        return False
    return b"--ws-protocol" in completed.stdout


# name -> (url builder, document, extra args, allowed exit statuses, stderr phrases, timeout s, stdout check)
# Phrases are what a user needs to act: the status code, what kind of body it was, what went wrong on the wire.
CASES = {
    "ok": (lambda: http("/ok"), QUERY, [], {0}, [], 30, r'"ok": true'),
    "stall_after_headers": (lambda: http("/stall-after-headers"), QUERY, ["--timeout", "2"], {2},
                            [r"timed out", r"2 s"], 30, None),
    "stall_before_headers": (lambda: http("/stall-before-headers"), QUERY, ["--timeout", "2"], {2},
                             [r"timed out", r"2 s"], 30, None),
    "truncated_body": (lambda: http("/truncated-body"), QUERY, [], {2},
                       [r"closed the connection before the response was complete"], 30, None),
    "invalid_utf8": (lambda: http("/invalid-utf8"), QUERY, [], {2}, [r"UTF-8"], 30, None),
    "duplicate_keys": (lambda: http("/duplicate-keys"), QUERY, [], {0, 2}, [], 30, None),
    "deep_nesting": (lambda: http("/deep-nesting"), QUERY, [], {2}, [r"nest|too deep|depth"], 60, None),
    "html_502": (lambda: http("/html-502"), QUERY, [], {2}, [r"502", r"Bad Gateway", r"HTML"], 30, None),
    "html_200": (lambda: http("/html-200"), QUERY, [], {2}, [r"HTML", r"endpoint path"], 30, None),
    "json_as_text_plain": (lambda: http("/json-as-text-plain"), QUERY, [], {0}, [], 30, r"text/plain but GraphQL"),
    "xml": (lambda: http("/xml"), QUERY, [], {2}, [r"not JSON", r"application/xml"], 30, None),
    "no_content_204": (lambda: http("/no-content-204"), QUERY, [], {2}, [r"204", r"empty"], 30, None),
    "redirect_302": (lambda: http("/redirect-302"), QUERY, [], {2}, [r"redirect", r"GET"], 30, None),
    "redirect_307": (lambda: http("/redirect-307"), QUERY, [], {0}, [], 30, r'"ok": true'),
    "redirect_loop": (lambda: http("/redirect-loop"), QUERY, [], {2},
                      [r"too many redirects|more than \d+ redirects"], 30, None),
    "unauthorized_401": (lambda: http("/unauthorized-401"), QUERY, [], {2},
                         [r"401", r"authentication", r"Bearer"], 30, None),
    "forbidden_403_json": (lambda: http("/forbidden-403-json"), QUERY, [], {1},
                           [r"403", r"forbidden: this token may not run queries"], 30, None),
    "too_many_429": (lambda: http("/too-many-429"), QUERY, [], {1, 2},
                     [r"429", r"rate limit exceeded", r"retry.*120|120 s"], 30, None),
    "too_many_429_text": (lambda: http("/too-many-429-text"), QUERY, [], {2},
                          [r"429", r"retry.*120|120 s"], 30, None),
    "server_error_500_json": (lambda: http("/server-error-500-json"), QUERY, [], {1},
                              [r"500", r"resolver exploded: database unavailable"], 30, None),
    "server_error_500_text": (lambda: http("/server-error-500-text"), QUERY, [], {2},
                              [r"500", r"not JSON", r"text/plain"], 30, None),
    "unavailable_503_html": (lambda: http("/unavailable-503-html"), QUERY, [], {2}, [r"503", r"HTML"], 30, None),
    "reset_mid_body": (lambda: http("/reset-mid-body"), QUERY, [], {2},
                       [r"closed|reset", r"before the response was complete|received"], 30, None),
    "close_immediately": (lambda: http("/close-immediately"), QUERY, [], {2},
                          [r"closed the connection without answering"], 30, None),
    "garbage": (lambda: http("/garbage"), QUERY, [], {2},
                [r"127\.0\.0\.1", r"closed the connection|not HTTP|protocol|invalid"], 30, None),
    "bad_chunk_size": (lambda: http("/bad-chunk-size"), QUERY, [], {2},
                       [r"127\.0\.0\.1", r"chunk|protocol|invalid"], 30, None),
    "corrupt_gzip": (lambda: http("/corrupt-gzip"), QUERY, [], {2}, [r"decompress|gzip|compressed"], 30, None),
    "huge_header": (lambda: http("/huge-header"), QUERY, [], {0, 2}, [], 60, None),
    "thousand_headers": (lambda: http("/thousand-headers"), QUERY, [], {0, 2}, [], 60, None),
    "empty_200": (lambda: http("/empty-200"), QUERY, [], {2}, [r"HTTP 200", r"empty response body"], 30, None),
    "json_array": (lambda: http("/json-array"), QUERY, [], {2}, [r'no "data" or "errors"'], 30, None),
    "json_null": (lambda: http("/json-null"), QUERY, [], {2}, [r'no "data" or "errors"'], 30, None),
    "big_string_10mb": (lambda: http("/big-string-10mb"), QUERY, [], {0}, [], 120, r'"blob": "yyyy'),
    "tls_self_signed": (lambda: f"https://127.0.0.1:{SERVER.values['TLS_PORT']}/ok", QUERY, [], {2},
                        [r"TLS", r"self.signed|certificate"], 30, None),
    "tls_handshake_cut": (lambda: f"https://127.0.0.1:{SERVER.values['TLS_ABORT_PORT']}/ok", QUERY, [], {2},
                          [r"TLS|SSL", r"handshake|closed"], 30, None),
}

# WebSocket cases: the subscription runs over ws:// of the same host and path.
WS_CASES = {
    "ws_ok": ("/ws-ok", [], {0}, [], r'"ok":\s*true'),
    "ws_never_ack": ("/ws-never-ack", ["--timeout", "2"], {2}, [r"ack|timed out"], None),
    "ws_close_4400": ("/ws-close-4400", [], {1, 2}, [r"4400", r"Bad request"], None),
    "ws_close_4401": ("/ws-close-4401", [], {1, 2}, [r"4401", r"Unauthorized"], None),
    "ws_close_4403": ("/ws-close-4403", [], {1, 2}, [r"4403", r"Forbidden"], None),
    "ws_close_4429": ("/ws-close-4429", [], {1, 2}, [r"4429", r"Too many requests"], None),
    "ws_close_4500": ("/ws-close-4500", [], {1, 2}, [r"4500", r"Internal error"], None),
    "ws_drop": ("/ws-drop", [], {2}, [r"1006|abnormal|without a close frame|reset"], None),
    "ws_garbage_frame": ("/ws-garbage-frame", ["--timeout", "5"], {2}, [r"protocol|frame|invalid|closed"], None),
}


class HostileCliTest(unittest.TestCase):
    maxDiff = None

    def check_run(self, run, statuses, phrases, stdout_pattern):
        self.assertGreaterEqual(run.status, 0, f"killed by signal {-run.status}\n{run.describe()}")
        for marker in ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:"):
            self.assertNotIn(marker, run.stderr, run.describe())
        self.assertIn(run.status, statuses, run.describe())
        if run.status != 0:
            first = run.stderr.strip().splitlines()[:1]
            self.assertTrue(first and first[0].startswith("sextant: "),
                            f"a failure must be explained in one 'sextant: ' line\n{run.describe()}")
        for phrase in phrases:
            self.assertRegex(run.stderr, re.compile(phrase, re.IGNORECASE), run.describe())
        if stdout_pattern:
            self.assertRegex(run.stdout_head, stdout_pattern, run.describe())
        for secret in (SECRET_TOKEN, SECRET_COOKIE):
            self.assertNotIn(secret, run.stderr + run.stdout_head, "a credential was printed\n" + run.describe())

    def test_slow_drip_is_not_mistaken_for_a_stall(self):
        run = run_cli(QUERY, "--endpoint", http("/slow-drip"), "--timeout", "1", timeout=30)
        self.check_run(run, {0}, [], r'"drip": "slow-drip"')
        self.assertGreaterEqual(run.elapsed, 2.0, run.describe())  # the body really took ~3 s to arrive

    def test_huge_body_is_complete(self):
        run = run_cli(QUERY, "--endpoint", http("/huge-100mb"), timeout=240)
        self.check_run(run, {0}, [], r'"items": \[')
        self.assertGreater(run.stdout_size, 100_000_000, run.describe())

    def test_redirect_to_other_origin_keeps_credentials(self):
        before = other_origin_seen()
        run = run_cli(QUERY, "--endpoint", http("/redirect-other-origin"),
                      "--header", f"Authorization: Bearer {SECRET_TOKEN}", "--header", f"Cookie: {SECRET_COOKIE}",
                      timeout=30)
        self.check_run(run, {2}, [r"another origin", r"127\.0\.0\.1:%s" % SERVER.values["OTHER_ORIGIN_PORT"]],
                       None)
        after = other_origin_seen()
        self.assertEqual(after["requests"], before["requests"], "the cross-origin redirect was followed")
        self.assertFalse(after["authorization"], "Authorization reached the other origin")
        self.assertFalse(after["cookie"], "Cookie reached the other origin")


def make_http_case(url, document, args, statuses, phrases, timeout, stdout_pattern):
    def test(self):
        run = run_cli(document, "--endpoint", url(), *args, timeout=timeout)
        self.check_run(run, statuses, phrases, stdout_pattern)
    return test


def make_ws_case(path, args, statuses, phrases, stdout_pattern):
    def test(self):
        if not cli_runs_subscriptions():
            self.skipTest("sextant query does not run subscriptions yet (no --ws-protocol in `sextant query --help`)")
        run = run_cli(SUBSCRIPTION, "--endpoint", http(path), *args, timeout=30)
        self.check_run(run, statuses, phrases, stdout_pattern)
    return test


for _name, _case in CASES.items():
    setattr(HostileCliTest, f"test_http_{_name}", make_http_case(*_case))
for _name, _case in WS_CASES.items():
    setattr(HostileCliTest, f"test_{_name}", make_ws_case(*_case))


if __name__ == "__main__":
    e2e_support.main()

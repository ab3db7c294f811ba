#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Sextant: builds the .deb with CPack and runs the packaged sextant from a fresh prefix (ctest packaging_deb).
"""The Debian package installs and runs.

``python3 check_deb.py --build-dir BUILD --version X.Y.Z`` (registered by packaging/CMakeLists.txt, run after the
build) runs ``cpack -G DEB`` on the build tree into a temporary directory, reads the package's control fields
with ``dpkg-deb -f``, unpacks it with ``dpkg-deb -x`` into a fresh temporary prefix (no root, no dpkg database)
and runs that prefix's ``usr/bin/sextant``: ``--version`` and a ``sextant query`` against
packaging/tests/typename_server.py on a free 127.0.0.1 port. Every child process has a timeout; the server is
stopped and the temporary directories removed at the end. Python standard library only.
"""

import argparse
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
APP_ID = "dev.sextant.Sextant"
COMMAND_TIMEOUT = 120
OPTIONS = None


def run(command, **kwargs):
    kwargs.setdefault("timeout", COMMAND_TIMEOUT)
    return subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)


class TypenameServer:
    """packaging/tests/typename_server.py, started on a free port and stopped (stdin closed, then SIGTERM)."""

    def __init__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-u", os.path.join(HERE, "typename_server.py"), "--port", "0", "--lifetime", "120"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        lines = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in self.process.stdout] + [lines.put(None)],
                         daemon=True).start()
        deadline = time.monotonic() + 30
        self.port = None
        while self.port is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.stop()
                raise RuntimeError("typename_server.py did not print PORT= within 30 s")
            try:
                line = lines.get(timeout=remaining)
            except queue.Empty:
                continue
            if line is None:
                raise RuntimeError(f"typename_server.py exited with {self.process.wait(timeout=10)}")
            if line.startswith("PORT="):
                self.port = int(line.strip().split("=", 1)[1])

    def stop(self):
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.terminate()
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(timeout=10)
        self.process.stdout.close()


class DebianPackageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="sextant-deb-")
        built = run(["cpack", "-G", "DEB", "--config", os.path.join(OPTIONS.build_dir, "CPackConfig.cmake"),
                     "-B", os.path.join(cls.work, "cpack")], cwd=OPTIONS.build_dir, timeout=300)
        if built.returncode != 0:
            shutil.rmtree(cls.work, ignore_errors=True)
            raise AssertionError(f"cpack -G DEB failed ({built.returncode}):\n{built.stdout}\n{built.stderr}")
        debs = [name for name in os.listdir(os.path.join(cls.work, "cpack")) if name.endswith(".deb")]
        if len(debs) != 1:
            shutil.rmtree(cls.work, ignore_errors=True)
            raise AssertionError(f"expected one .deb, cpack made {debs}")
        cls.deb = os.path.join(cls.work, "cpack", debs[0])
        cls.prefix = os.path.join(cls.work, "prefix")
        os.makedirs(cls.prefix)
        extracted = run(["dpkg-deb", "-x", cls.deb, cls.prefix])
        if extracted.returncode != 0:
            shutil.rmtree(cls.work, ignore_errors=True)
            raise AssertionError(f"dpkg-deb -x failed: {extracted.stderr}")
        cls.binary = os.path.join(cls.prefix, "usr", "bin", "sextant")
        # A clean environment: a temporary HOME, no Dagger session, no proxies.
        home = os.path.join(cls.work, "home")
        os.makedirs(home)
        cls.env = {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "XDG_CONFIG_HOME": home + "/.config",
                   "XDG_DATA_HOME": home + "/.local/share", "XDG_RUNTIME_DIR": cls.work}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    def control(self, field):
        result = run(["dpkg-deb", "-f", self.deb, field])
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout.strip()

    def test_control_fields(self):
        self.assertEqual(self.control("Package"), "sextant")
        self.assertEqual(self.control("Version"), OPTIONS.version)
        depends = [item.split("(")[0].strip() for item in self.control("Depends").split(",")]
        # Found by dpkg-shlibdeps from the binary, plus the plugins Qt loads at run time (packaging/CMakeLists.txt).
        for package in ("libqt6widgets6", "libqt6network6", "libqt6sql6", "libqscintilla2-qt6-15",
                        "qt6-qpa-plugins", "libqt6svg6", "libqt6sql6-sqlite"):
            self.assertIn(package, depends, f"Depends: {self.control('Depends')}")

    def test_installs_the_binary_and_the_desktop_files(self):
        for path in ("usr/bin/sextant", f"usr/share/applications/{APP_ID}.desktop",
                     f"usr/share/metainfo/{APP_ID}.metainfo.xml", f"usr/share/mime/packages/{APP_ID}.xml",
                     f"usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg"):
            self.assertTrue(os.path.isfile(os.path.join(self.prefix, path)), path)
        self.assertTrue(os.access(self.binary, os.X_OK))
        with open(os.path.join(self.prefix, f"usr/share/applications/{APP_ID}.desktop"), encoding="utf-8") as f:
            desktop = f.read()
        self.assertIn("\nExec=sextant %F\n", desktop)
        self.assertIn("\nMimeType=application/graphql;\n", desktop)

    def test_version(self):
        result = run([self.binary, "--version"], env=self.env, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.strip(), f"sextant {OPTIONS.version}")

    def test_cli_query(self):
        server = TypenameServer()
        try:
            result = run([self.binary, "query", "--endpoint", f"http://127.0.0.1:{server.port}/graphql",
                          "--timeout", "30"], input="{ __typename }\n", env=self.env, timeout=60)
        finally:
            server.stop()
        self.assertEqual(result.returncode, 0, f"stdout: {result.stdout}\nstderr: {result.stderr}")
        self.assertEqual(json.loads(result.stdout), {"data": {"__typename": "Query"}})

    def test_cli_query_reports_an_unreachable_endpoint(self):
        # The server is started and stopped first, so the port is known to be closed.
        server = TypenameServer()
        port = server.port
        server.stop()
        result = run([self.binary, "query", "--endpoint", f"http://127.0.0.1:{port}/graphql", "--timeout", "10"],
                     input="{ __typename }\n", env=self.env, timeout=60)
        self.assertEqual(result.returncode, 2, result.stdout)
        self.assertTrue(result.stderr.strip(), "no message on standard error")


def main():
    global OPTIONS
    parser = argparse.ArgumentParser(description="Builds the .deb and runs sextant from it.")
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--version", required=True)
    OPTIONS, rest = parser.parse_known_args()
    OPTIONS.build_dir = os.path.abspath(OPTIONS.build_dir)
    for tool in ("cpack", "dpkg-deb"):
        if not shutil.which(tool):
            print(f"{tool} is not installed", file=sys.stderr)
            return 1
    program = unittest.main(argv=[sys.argv[0], *rest], exit=False, verbosity=2)
    return 0 if program.result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())

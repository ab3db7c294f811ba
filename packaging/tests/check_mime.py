#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Sextant: .graphql/.gql files resolve to application/graphql and open in Sextant (ctest packaging_mime_association).
"""The MIME type and the desktop entry make a file manager open GraphQL documents in Sextant.

``python3 check_mime.py --mime-xml packaging/linux/dev.sextant.Sextant.mime.xml --desktop
packaging/linux/dev.sextant.Sextant.desktop`` installs both into a fresh temporary XDG data directory the way the
package does (share/mime/packages, share/applications), runs ``update-mime-database`` and
``update-desktop-database`` on it, and checks what they produced: the glob table maps ``*.graphql`` and ``*.gql``
to application/graphql, the type has its own definition, the MIME cache of the applications directory names
Sextant's desktop entry. When xdg-utils and a backend that reads the shared MIME database (``mimetype`` from
libfile-mimeinfo-perl) are installed, ``xdg-mime query filetype`` / ``query default`` must agree, as a desktop
would ask. Python standard library only; every command has a timeout.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

APP_ID = "dev.sextant.Sextant"
MIME_TYPE = "application/graphql"
OPTIONS = None


def run(command, env=None):
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60, env=env)


class MimeAssociationTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="sextant-mime-")
        cls.share = os.path.join(cls.work, "share")
        os.makedirs(os.path.join(cls.share, "mime", "packages"))
        os.makedirs(os.path.join(cls.share, "applications"))
        shutil.copyfile(OPTIONS.mime_xml, os.path.join(cls.share, "mime", "packages", f"{APP_ID}.xml"))
        shutil.copyfile(OPTIONS.desktop, os.path.join(cls.share, "applications", f"{APP_ID}.desktop"))
        cls.documents = os.path.join(cls.work, "documents")
        os.makedirs(cls.documents)
        for name in ("x.graphql", "y.gql", "Z.GRAPHQL"):
            with open(os.path.join(cls.documents, name), "w", encoding="utf-8") as handle:
                handle.write("query Q { __typename }\n")
        home = os.path.join(cls.work, "home")
        os.makedirs(home)
        # Only our prefix and the system's: the user's own ~/.local/share must not decide the answer.
        cls.env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home,
                   "XDG_DATA_HOME": os.path.join(home, ".local", "share"),
                   "XDG_DATA_DIRS": f"{cls.share}:/usr/local/share:/usr/share", "XDG_CONFIG_HOME":
                   os.path.join(home, ".config"), "XDG_CONFIG_DIRS": "/etc/xdg"}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    def test_update_mime_database_maps_both_extensions(self):
        result = run(["update-mime-database", os.path.join(self.share, "mime")])
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(os.path.join(self.share, "mime", "globs2"), encoding="utf-8") as handle:
            globs = {tuple(line.strip().split(":")[1:3]) for line in handle if not line.startswith("#")}
        self.assertIn((MIME_TYPE, "*.graphql"), globs)
        self.assertIn((MIME_TYPE, "*.gql"), globs)
        definition = os.path.join(self.share, "mime", "application", "graphql.xml")
        self.assertTrue(os.path.isfile(definition), "update-mime-database wrote no application/graphql.xml")
        with open(definition, encoding="utf-8") as handle:
            self.assertIn("GraphQL document", handle.read())

    def test_desktop_entry_opens_the_type(self):
        with open(OPTIONS.desktop, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
        self.assertIn(f"MimeType={MIME_TYPE};", lines)
        self.assertIn("Exec=sextant %F", lines)  # file managers pass the selected files as paths
        if not shutil.which("update-desktop-database"):
            self.skipTest("update-desktop-database (desktop-file-utils) is not installed")
        applications = os.path.join(self.share, "applications")
        result = run(["update-desktop-database", applications])
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(os.path.join(applications, "mimeinfo.cache"), encoding="utf-8") as handle:
            self.assertIn(f"{MIME_TYPE}={APP_ID}.desktop;", handle.read().splitlines())

    def test_xdg_mime_resolves_files_and_default_application(self):
        if not shutil.which("xdg-mime") or not shutil.which("mimetype"):
            self.skipTest("xdg-utils with a shared-MIME-database backend (libfile-mimeinfo-perl) is not installed")
        self.assertEqual(run(["update-mime-database", os.path.join(self.share, "mime")]).returncode, 0)
        self.assertEqual(run(["update-desktop-database", os.path.join(self.share, "applications")]).returncode, 0)
        for name in ("x.graphql", "y.gql", "Z.GRAPHQL"):
            result = run(["xdg-mime", "query", "filetype", os.path.join(self.documents, name)], env=self.env)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(result.stdout.strip(), MIME_TYPE, name)
        result = run(["xdg-mime", "query", "default", MIME_TYPE], env=self.env)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.strip(), f"{APP_ID}.desktop")


def main():
    global OPTIONS
    parser = argparse.ArgumentParser(description="Checks the GraphQL MIME type and its desktop association.")
    parser.add_argument("--mime-xml", required=True)
    parser.add_argument("--desktop", required=True)
    OPTIONS, rest = parser.parse_known_args()
    if not shutil.which("update-mime-database"):
        print("update-mime-database (shared-mime-info) is not installed", file=sys.stderr)
        return 1
    program = unittest.main(argv=[sys.argv[0], *rest], exit=False, verbosity=2)
    return 0 if program.result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())

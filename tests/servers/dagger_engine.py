# SPDX-License-Identifier: MIT
# Sextant: a deterministic, in-memory stand-in for the part of the Dagger engine API the tests use.
"""Resolvers for the real Dagger SDL (tests/fixtures/schemas/dagger/schema.graphql).

Nothing runs for real: there is no container runtime, no network access and nothing is written to disk.
Every object is a plain JSON-able dict whose ``type`` key names its GraphQL object type, and its ``id`` is
the base64 of that dict's canonical JSON. Like real Dagger IDs, an ID therefore carries the object's whole
state (a container's ID encodes the chain of calls that built it, PROTOCOLS.md section 5.4), and feeding it
back through ``node(id:)`` or an ``ID @expectedType`` argument rebuilds the same object.

Containers are a list of operations (from, withEnvVariable, withWorkdir, withNewFile, withDirectory,
withExec). Leaf fields (stdout, exitCode, sync, file contents, export, ...) replay that list; a simulated
command that exits non-zero fails the leaf with Dagger's EXEC_ERROR extensions (PROTOCOLS.md section 5.2).

Commands understood: ``uname [-a|-m|-s|-r]``, ``echo``, ``cat [PATH...]`` (stdin when no path), ``true``,
``false``, ``sh|bash -c "echo ..."`` (with $VAR expansion) and ``sh -c "exit N"``, ``go build -o OUT PKG``
(creates OUT); anything else succeeds with a fixed "simulated" line on stdout.

Any field without a resolver here resolves to a GraphQL error naming the field and saying it is not
supported by the Sextant test server.
"""

import base64
import hashlib
import json
import posixpath
import re
import shlex

from graphql import GraphQLError, GraphQLInterfaceType, GraphQLObjectType, GraphQLSchema

ENGINE_VERSION = "v1.0.0-beta.10-sextant-test"
DEFAULT_PLATFORM = "linux/amd64"
UNAME_RELEASE = "6.1.0-sextant"


class UnsupportedFieldError(GraphQLError):
    pass


# --------------------------------------------------------------------------------------------- IDs

def encode_id(state):
    payload = json.dumps(state, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return base64.b64encode(payload.encode("utf-8")).decode("ascii")


def decode_id(value, expected_type=None):
    try:
        state = json.loads(base64.b64decode(value.encode("ascii"), validate=True).decode("utf-8"))
    except (ValueError, UnicodeError, AttributeError):
        raise GraphQLError(f"invalid ID: not an ID produced by this session: {str(value)[:40]!r}") from None
    if not isinstance(state, dict) or not isinstance(state.get("type"), str):
        raise GraphQLError("invalid ID: not an ID produced by this session")
    if expected_type and state["type"] != expected_type:
        raise GraphQLError(f"invalid ID: expected a {expected_type} ID, got a {state['type']} ID")
    return state


# ------------------------------------------------------------------------------------ simulation

class ExecFailure(Exception):
    def __init__(self, args, exit_code, stdout, stderr):
        super().__init__(f"exit code {exit_code}")
        self.cmd, self.exit_code, self.stdout, self.stderr = args, exit_code, stdout, stderr

    def to_graphql_error(self):
        return GraphQLError(
            f'process "{" ".join(self.cmd)}" did not complete successfully: exit code: {self.exit_code}',
            extensions={"_type": "EXEC_ERROR", "cmd": self.cmd, "exitCode": self.exit_code,
                        "stdout": self.stdout, "stderr": self.stderr})


def image_ref(address):
    name = address if "/" in address.split(":")[0] else f"library/{address}"
    if ":" not in name.rsplit("/", 1)[-1] and "@" not in name:
        name += ":latest"
    digest = hashlib.sha256(address.encode("utf-8")).hexdigest()
    return f"docker.io/{name}@sha256:{digest}"


def absolute(workdir, path):
    return posixpath.normpath(posixpath.join(workdir or "/", path))


class Machine:
    """The replayed state of a container: environment, working directory, files, mounts, last exec."""

    def __init__(self, platform):
        self.platform = platform
        self.image = None
        self.env = {}
        self.workdir = "/"
        self.files = {}
        self.mounts = []
        self.last = None  # (args, exit_code, stdout, stderr)
        self.failure = None

    def source_of(self, path):
        for mount_path, directory in reversed(self.mounts):
            if path == mount_path or path.startswith(mount_path.rstrip("/") + "/"):
                return describe_directory(directory)
        return f"image {self.image or 'scratch'}"

    def run(self, args, stdin, expect):
        exit_code, stdout, stderr = self.simulate(args, stdin)
        self.last = (args, exit_code, stdout, stderr)
        failed = exit_code != 0 if expect == "SUCCESS" else (exit_code == 0 if expect == "FAILURE" else False)
        if failed:
            self.failure = ExecFailure(args, exit_code, stdout, stderr)

    def simulate(self, args, stdin):
        program = posixpath.basename(args[0]) if args else ""
        if program == "uname":
            machine = "aarch64" if self.platform.endswith("arm64") else "x86_64"
            if len(args) == 1 or args[1] == "-s":
                return 0, "Linux\n", ""
            if args[1] == "-m":
                return 0, machine + "\n", ""
            if args[1] == "-r":
                return 0, UNAME_RELEASE + "\n", ""
            return 0, f"Linux sextant-test {UNAME_RELEASE} #1 SMP PREEMPT_DYNAMIC {machine} Linux\n", ""
        if program == "echo":
            return 0, " ".join(args[1:]) + "\n", ""
        if program == "true":
            return 0, "", ""
        if program == "false":
            return 1, "", ""
        if program == "cat":
            if len(args) == 1:
                return 0, stdin, ""
            out = []
            for path in args[1:]:
                full = absolute(self.workdir, path)
                if full not in self.files:
                    return 1, "".join(out), f"cat: can't open '{path}': No such file or directory\n"
                out.append(self.files[full])
            return 0, "".join(out), ""
        if program in ("sh", "bash") and len(args) >= 3 and args[1] == "-c":
            return self.simulate_shell(args[2])
        if program == "go" and len(args) >= 2 and args[1] == "build":
            output = args[args.index("-o") + 1] if "-o" in args[:-1] else posixpath.basename(self.workdir)
            package = args[-1] if len(args) > 2 and not args[-1].startswith("-") and args[-2] != "-o" else "."
            target = absolute(self.workdir, output)
            self.files[target] = (f"sextant test binary\npackage: {package}\nsource: "
                                  f"{self.source_of(self.workdir)}\nplatform: {self.platform}\n")
            return 0, "", ""
        return 0, f"[sextant test server] simulated: {shlex.join(args)}\n", ""

    def simulate_shell(self, script):
        script = script.strip()
        match = re.fullmatch(r"exit\s+(\d+)", script)
        if match:
            return int(match.group(1)), "", ""
        if script.startswith("echo "):
            def expand(m):
                return self.env.get(m.group(1) or m.group(2), "")
            text = re.sub(r"\$\{(\w+)\}|\$(\w+)", expand, script[5:])
            return 0, text.strip().strip("\"'") + "\n", ""
        return 0, f"[sextant test server] simulated: sh -c {shlex.quote(script)}\n", ""


def replay(container):
    machine = Machine(container.get("platform") or DEFAULT_PLATFORM)
    for op in container["ops"]:
        if machine.failure:
            break
        kind = op[0]
        if kind == "from":
            machine.image = op[1]
        elif kind == "withEnvVariable":
            machine.env[op[1]] = op[2]
        elif kind == "withWorkdir":
            machine.workdir = absolute(machine.workdir, op[1])
        elif kind == "withNewFile":
            machine.files[absolute(machine.workdir, op[1])] = op[2]
        elif kind == "withDirectory":
            target = absolute(machine.workdir, op[1])
            machine.mounts.append((target, op[2]))
            for rel, contents in directory_files(op[2]).items():
                machine.files[posixpath.join(target, rel)] = contents
        elif kind == "withExec":
            machine.run(op[1], op[2], op[3])
    return machine


def executed(container):
    machine = replay(container)
    if machine.failure:
        raise machine.failure.to_graphql_error()
    return machine


def describe_directory(directory):
    if "git" in directory:
        return f"git {directory['git']} ref {directory['ref']}"
    if "container" in directory:
        return f"directory {directory['path']} of a container"
    return "scratch directory"


def directory_files(directory):
    """Known files of a Directory as {relative path: contents}. A git tree's contents are not known."""
    if "git" in directory:
        return {}
    if "container" in directory:
        prefix = directory["path"].rstrip("/") + "/"
        files = executed(directory["container"]).files
        return {path[len(prefix):]: contents for path, contents in files.items() if path.startswith(prefix)}
    return dict(directory.get("files", {}))


# ------------------------------------------------------------------------------------- resolvers

def container_with(container, *op):
    return {**container, "ops": container["ops"] + [list(op)]}


def directory_file(directory, path):
    relative = posixpath.normpath(path).lstrip("/")
    files = directory_files(directory)
    if relative not in files:
        where = directory.get("path", "/")
        raise GraphQLError(f"lstat {posixpath.join(where, relative)}: no such file or directory")
    return relative, files[relative]


def file_contents(file):
    if "container" in file:
        files = executed(file["container"]).files
        if file["path"] not in files:
            raise GraphQLError(f"lstat {file['path']}: no such file or directory")
        return files[file["path"]]
    return directory_file(file["directory"], file["path"])[1]


def last_exec(container):
    machine = executed(container)
    if machine.last is None:
        raise GraphQLError("no command has been set: use withExec before reading its output")
    return machine.last


def git_ref(repo, name):
    return {"type": "GitRef", "git": repo["url"], "ref": name}


RESOLVERS = {
    ("Query", "id"): lambda obj, info: encode_id(obj),
    ("Query", "version"): lambda obj, info: ENGINE_VERSION,
    ("Query", "defaultPlatform"): lambda obj, info: DEFAULT_PLATFORM,
    ("Query", "container"): lambda obj, info, platform=None: {
        "type": "Container", "platform": platform or DEFAULT_PLATFORM, "ops": []},
    ("Query", "directory"): lambda obj, info: {"type": "Directory", "files": {}},
    ("Query", "git"): lambda obj, info, url, keepGitDir=True, **_: {
        "type": "GitRepository", "url": url, "keepGitDir": keepGitDir},
    ("Query", "node"): lambda obj, info, id: decode_id(id),

    ("Container", "id"): lambda obj, info: encode_id(obj),
    ("Container", "sync"): lambda obj, info: executed(obj) and encode_id(obj),
    ("Container", "platform"): lambda obj, info: obj["platform"],
    ("Container", "imageRef"): lambda obj, info: image_ref(executed(obj).image or "scratch"),
    ("Container", "from"): lambda obj, info, address, **_: container_with(obj, "from", address),
    ("Container", "withEnvVariable"): lambda obj, info, name, value, **_: container_with(
        obj, "withEnvVariable", name, value),
    ("Container", "withWorkdir"): lambda obj, info, path, **_: container_with(obj, "withWorkdir", path),
    ("Container", "withNewFile"): lambda obj, info, path, contents, **_: container_with(
        obj, "withNewFile", path, contents),
    ("Container", "withDirectory"): lambda obj, info, path, source, **_: container_with(
        obj, "withDirectory", path, decode_id(source, "Directory")),
    ("Container", "withExec"): lambda obj, info, args, stdin="", expect="SUCCESS", **_: container_with(
        obj, "withExec", list(args), stdin, expect),
    ("Container", "stdout"): lambda obj, info: last_exec(obj)[2],
    ("Container", "stderr"): lambda obj, info: last_exec(obj)[3],
    ("Container", "combinedOutput"): lambda obj, info: last_exec(obj)[2] + last_exec(obj)[3],
    ("Container", "exitCode"): lambda obj, info: last_exec(obj)[1],
    ("Container", "workdir"): lambda obj, info: executed(obj).workdir,
    ("Container", "envVariables"): lambda obj, info: [
        {"type": "EnvVariable", "name": k, "value": v} for k, v in executed(obj).env.items()],
    ("Container", "envVariable"): lambda obj, info, name: executed(obj).env.get(name),
    ("Container", "directory"): lambda obj, info, path, **_: {
        "type": "Directory", "container": obj, "path": absolute(replay(obj).workdir, path)},
    ("Container", "file"): lambda obj, info, path, **_: {
        "type": "File", "container": obj, "path": absolute(replay(obj).workdir, path)},

    ("EnvVariable", "id"): lambda obj, info: encode_id(obj),
    ("EnvVariable", "name"): lambda obj, info: obj["name"],
    ("EnvVariable", "value"): lambda obj, info: obj["value"],

    ("GitRepository", "id"): lambda obj, info: encode_id(obj),
    ("GitRepository", "url"): lambda obj, info: obj["url"],
    ("GitRepository", "branch"): lambda obj, info, name: git_ref(obj, name),
    ("GitRepository", "tag"): lambda obj, info, name: git_ref(obj, name),
    ("GitRepository", "ref"): lambda obj, info, name: git_ref(obj, name),
    ("GitRepository", "head"): lambda obj, info: git_ref(obj, "HEAD"),
    ("GitRef", "id"): lambda obj, info: encode_id(obj),
    ("GitRef", "name"): lambda obj, info: obj["ref"],
    ("GitRef", "commit"): lambda obj, info: hashlib.sha1(f"{obj['git']}#{obj['ref']}".encode()).hexdigest(),
    ("GitRef", "tree"): lambda obj, info, **_: {"type": "Directory", "git": obj["git"], "ref": obj["ref"]},

    ("Directory", "id"): lambda obj, info: encode_id(obj),
    ("Directory", "sync"): lambda obj, info: directory_files(obj) is not None and encode_id(obj),
    ("Directory", "entries"): lambda obj, info, path=None: entries(obj_at(obj, path)),
    ("Directory", "withNewFile"): lambda obj, info, path, contents, **_: {
        "type": "Directory", "files": {**directory_files(obj), posixpath.normpath(path).lstrip("/"): contents}},
    ("Directory", "file"): lambda obj, info, path: {"type": "File", "directory": obj, "path": path},
    ("Directory", "directory"): lambda obj, info, path: obj_at(obj, path),

    ("File", "id"): lambda obj, info: encode_id(obj),
    ("File", "sync"): lambda obj, info: file_contents(obj) is not None and encode_id(obj),
    ("File", "name"): lambda obj, info: posixpath.basename(obj["path"]),
    ("File", "contents"): lambda obj, info, offsetLines=None, limitLines=None: slice_lines(
        file_contents(obj), offsetLines, limitLines),
    ("File", "size"): lambda obj, info: len(file_contents(obj).encode("utf-8")),
    # The stand-in never writes to the host: export checks the file exists and returns the path it was given.
    ("File", "export"): lambda obj, info, path, **_: file_contents(obj) is not None and path,
}


def obj_at(directory, path):
    if not path or posixpath.normpath(path) in (".", "/"):
        return directory
    if "git" in directory:
        raise GraphQLError("listing a git tree is not supported by the Sextant test server")
    prefix = posixpath.normpath(path).strip("/") + "/"
    return {"type": "Directory",
            "files": {rel[len(prefix):]: c for rel, c in directory_files(directory).items() if rel.startswith(prefix)}}


def entries(directory):
    if "git" in directory:
        raise GraphQLError("listing a git tree is not supported by the Sextant test server")
    return sorted({rel.split("/")[0] for rel in directory_files(directory)})


def slice_lines(text, offset, limit):
    lines = text.splitlines(keepends=True)[offset or 0:]
    return "".join(lines[:limit] if limit is not None else lines)


def unsupported(type_name, field_name):
    def resolve(obj, info, **_):
        raise UnsupportedFieldError(f"{type_name}.{field_name} is not supported by the Sextant test server "
                                    f"(tests/servers/dagger_session.py)")
    return resolve


def install_resolvers(schema: GraphQLSchema):
    """Attaches RESOLVERS to the schema's object fields, and 'not supported' errors to every other field."""
    for type_name, named_type in schema.type_map.items():
        if type_name.startswith("__"):
            continue
        if isinstance(named_type, GraphQLObjectType):
            for field_name, field in named_type.fields.items():
                resolver = RESOLVERS.get((type_name, field_name))
                field.resolve = resolver if resolver else unsupported(type_name, field_name)
        elif isinstance(named_type, GraphQLInterfaceType):
            named_type.resolve_type = lambda value, info, abstract_type: value["type"]
    return schema


def root_value():
    return {"type": "Query"}

# SPDX-License-Identifier: MIT
# Sextant: shared set-up for scripts/run and scripts/test (sourced, not executed).
#
# On a fresh Debian 12, as root or with sudo: installs the missing system packages (apt-get update and
# install only when something is missing), creates .venv with the pinned Python packages of requirements.txt
# (reinstalling only when requirements.txt changed), configures and builds with CMake + Ninja.
# Environment: SEXTANT_BUILD_DIR (default: build), SEXTANT_BUILD_TYPE (default: RelWithDebInfo),
# SEXTANT_JOBS (default: number of CPUs), SEXTANT_SKIP_APT=1 (never touch system packages), SEXTANT_SANITIZE=ON
# (ASan + UBSan build, scripts/test-sanitized).

SEXTANT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SEXTANT_BUILD_DIR=${SEXTANT_BUILD_DIR:-"$SEXTANT_ROOT/build"}
SEXTANT_VENV="$SEXTANT_ROOT/.venv"
SEXTANT_PYTHON="$SEXTANT_VENV/bin/python"

# Debian 12 (bookworm) package names. Qt 6.4 with its CMake packages, QScintilla and simdjson to build; the
# platform plugins (offscreen, xcb) and Xvfb to run the GUI and its tests; python3-venv for the Dagster and
# Dagger test servers; appstream and desktop-file-utils to validate packaging/; libqt6sql6-sqlite is the SQL
# driver for the on-disk history; qtkeychain-qt6-dev keeps tokens in the system keychain; dpkg-dev gives cpack
# dpkg-shlibdeps for the .deb's Depends (packaging_deb); shared-mime-info has update-mime-database.
SEXTANT_APT_PACKAGES=(
    cmake ninja-build g++
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev libgl-dev qt6-qpa-plugins libqt6sql6-sqlite
    libqscintilla2-qt6-dev libsimdjson-dev qtkeychain-qt6-dev qt6-websockets-dev
    python3 python3-venv
    xvfb xauth fonts-dejavu-core
    appstream desktop-file-utils dpkg-dev shared-mime-info
)

sextant_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
sextant_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when root, through sudo otherwise.
sextant_as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        sextant_die "need root to run '$*' (run as root or install sudo)"
    fi
}

sextant_package_installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

sextant_install_system_packages() {
    if [[ "${SEXTANT_SKIP_APT:-0}" == 1 ]]; then
        sextant_log "SEXTANT_SKIP_APT=1: not checking system packages"
        return
    fi
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        sextant_log "not a Debian system: install the equivalents of these packages yourself: ${SEXTANT_APT_PACKAGES[*]}"
        return
    fi
    local missing=() package
    for package in "${SEXTANT_APT_PACKAGES[@]}"; do
        sextant_package_installed "$package" || missing+=("$package")
    done
    if ((${#missing[@]} == 0)); then
        sextant_log "system packages: all ${#SEXTANT_APT_PACKAGES[@]} present"
        return
    fi
    sextant_log "installing missing system packages: ${missing[*]}"
    sextant_as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    sextant_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

# Installs the given Debian packages that are missing (apt-get update only when something is).
sextant_ensure_packages() {
    local missing=() package
    for package in "$@"; do
        sextant_package_installed "$package" || missing+=("$package")
    done
    ((${#missing[@]} == 0)) && return
    if [[ "${SEXTANT_SKIP_APT:-0}" == 1 ]] || ! command -v apt-get >/dev/null 2>&1; then
        sextant_die "missing packages: ${missing[*]} (install them, or unset SEXTANT_SKIP_APT)"
    fi
    sextant_log "installing missing system packages: ${missing[*]}"
    sextant_as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    sextant_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

# True when every 'name==version' pin of requirements.txt is installed in the venv.
sextant_pins_installed() {
    "$SEXTANT_PYTHON" - "$SEXTANT_ROOT/requirements.txt" <<'PY'
import sys
from importlib import metadata
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    name, _, version = line.partition("==")
    try:
        if metadata.version(name.strip()) != version.strip():
            sys.exit(1)
    except metadata.PackageNotFoundError:
        sys.exit(1)
PY
}

sextant_setup_venv() {
    if [[ ! -x "$SEXTANT_PYTHON" ]]; then
        sextant_log "creating the Python venv in .venv"
        python3 -m venv "$SEXTANT_VENV"
    fi
    local stamp="$SEXTANT_VENV/.sextant-requirements.sha256" hash
    hash=$(cat "$SEXTANT_ROOT/requirements.txt" "$SEXTANT_ROOT/constraints.txt" | sha256sum | cut -d' ' -f1)
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$hash" ]]; then
        sextant_log "Python packages: up to date (.venv)"
        return
    fi
    if ! sextant_pins_installed; then
        sextant_log "installing the pinned Python packages (requirements.txt) into .venv"
        # constraints.txt pins every transitive package (pip freeze of a working venv): no resolver backtracking,
        # the same versions on every machine.
        "$SEXTANT_PYTHON" -m pip install --disable-pip-version-check -r "$SEXTANT_ROOT/requirements.txt" \
            -c "$SEXTANT_ROOT/constraints.txt"
        sextant_pins_installed || sextant_die "requirements.txt pins are still not satisfied after pip install"
    fi
    printf '%s\n' "$hash" >"$stamp"
}

# sextant_build [target...]: configure, then build the given targets (default: everything, tests included).
sextant_build() {
    sextant_log "configuring $SEXTANT_BUILD_DIR"
    cmake -S "$SEXTANT_ROOT" -B "$SEXTANT_BUILD_DIR" -G Ninja \
        -DCMAKE_BUILD_TYPE="${SEXTANT_BUILD_TYPE:-RelWithDebInfo}" -DSEXTANT_SANITIZE="${SEXTANT_SANITIZE:-OFF}" >/dev/null
    local targets=()
    (($# > 0)) && targets=(--target "$@")
    sextant_log "building ${*:-everything}"
    cmake --build "$SEXTANT_BUILD_DIR" --parallel "${SEXTANT_JOBS:-$(nproc)}" "${targets[@]}"
}

# sextant_prepare [target...]: everything scripts/run and scripts/test need before they do their own part.
sextant_prepare() {
    cd "$SEXTANT_ROOT"
    sextant_install_system_packages
    sextant_setup_venv
    sextant_build "$@"
}

# graphql-js 16.15.0 (tests/reference/package-lock.json) for the differential test and bench/run.py.
sextant_setup_reference() {
    local dir="$SEXTANT_ROOT/tests/reference" stamp hash
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        if [[ "${SEXTANT_SKIP_APT:-0}" == 1 ]] || ! command -v apt-get >/dev/null 2>&1; then
            sextant_log "node/npm not found: the differential test will be skipped"
            return
        fi
        sextant_log "installing nodejs and npm"
        sextant_as_root env DEBIAN_FRONTEND=noninteractive apt-get update
        sextant_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm
    fi
    stamp="$dir/node_modules/.sextant-package-lock.sha256"
    hash=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$hash" ]]; then
        sextant_log "graphql-js reference: up to date (tests/reference/node_modules)"
        return
    fi
    sextant_log "installing graphql-js into tests/reference (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    printf '%s\n' "$hash" >"$stamp"
}

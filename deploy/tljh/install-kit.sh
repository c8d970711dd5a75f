#!/usr/bin/env bash
# Install the kit into The Littlest JupyterHub's user environment, every package at its
# version in constraints.txt (as CI tests it), plus the system packages it uses.
#
# Run it as root on the TLJH server, from a checkout of this repository at the tag you
# teach (see docs/instructors.md):
#   sudo bash deploy/tljh/install-kit.sh
# It installs into /opt/tljh/user, the environment every student's JupyterLab runs in
# (TLJH already has nbgitpuller there), then checks the result with `baogao doctor`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
USER_PIP=${TLJH_USER_PIP:-/opt/tljh/user/bin/pip}
USER_BIN=$(dirname "$USER_PIP")

[ "$(id -u)" -eq 0 ] || { echo "run as root: sudo bash $0" >&2; exit 2; }
[ -x "$USER_PIP" ] || { echo "$USER_PIP not found: is The Littlest JupyterHub installed here?" >&2; exit 2; }

# fonts-noto-cjk: Chinese in plots and in the terminal; bubblewrap: the sandbox in which
# `baogao teach grade` runs students' notebooks.
if command -v apt-get >/dev/null 2>&1; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends fonts-noto-cjk bubblewrap
fi

# Not editable: students get the kit as released, not this checkout's working tree.
"$USER_PIP" install --no-cache-dir -c constraints.txt .
"$USER_BIN/baogao" doctor

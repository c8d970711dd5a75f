# JupyterLab settings for the lesson command of README.md:
#
#     .venv/bin/jupyter lab --config=jupyter_server_config.py notebooks/00_start.ipynb
#
# Jupyter does not read this file by itself. Verified with the pinned jupyter_server 2.21.1
# and jupyter_core 5.9.1: `jupyter lab --debug --show-config` searches for
# jupyter_server_config only in .venv/etc/jupyter, ~/.jupyter, /usr/local/etc/jupyter and
# /etc/jupyter (jupyter_core.paths.jupyter_config_path), never in the current directory;
# `--config=FILE` (JupyterApp.config_file) loads FILE in place of those files. Extensions
# stay enabled: they are read from the jupyter_server_config.d folders either way.
#
# What it changes, and why:
# - root_dir: the checkout, so that the file browser shows notebooks/, exercises/ and
#   solutions/. Given a notebook to open, jupyter_server would otherwise serve only that
#   notebook's folder (ServerApp._default_root_dir).
# - allow_root, only when running as root (containers, CI): jupyter_server refuses to start
#   as root without it ("Running as root is not recommended").
# - PATH: the folder of this Python (.venv/bin, or .venv\Scripts on Windows) comes first, so
#   that `baogao`, `python` and `pip` in a JupyterLab terminal are the kit's.
# - the terminal's shell is started as a plain interactive shell, not a login shell: a login
#   shell reads /etc/profile, which on Debian and Ubuntu sets PATH afresh and drops .venv/bin.
import os
import shutil
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - traitlets defines get_config() for the config files it runs

c.ServerApp.root_dir = str(Path(__file__).resolve().parent)

if hasattr(os, "geteuid") and os.geteuid() == 0:
    c.ServerApp.allow_root = True

_bin = os.path.dirname(sys.executable)
_path = os.environ.get("PATH", "")
if _path.split(os.pathsep)[0] != _bin:
    os.environ["PATH"] = _bin + os.pathsep + _path if _path else _bin

if os.name != "nt":
    c.ServerApp.terminado_settings = {"shell_command": [os.environ.get("SHELL") or shutil.which("sh") or "/bin/sh"]}

#!/usr/bin/env bash
# Set up the application in a virtualenv and start the desktop window.
#
#   bash scripts/run.sh            # your data: DANVAN_DATA_DIR or the per-user folder;
#                                  # a first start shows the set-up wizard
#   bash scripts/run.sh --demo     # a demo team in Phường Phú Xuân, Huế, in ./demo-data
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e .
if [ "${1:-}" = "--demo" ]; then
  shift
  export DANVAN_DATA_DIR=${DANVAN_DATA_DIR:-$PWD/demo-data}
  .venv/bin/danvan check >/dev/null 2>&1 || .venv/bin/danvan demo --size small
fi
exec .venv/bin/danvan-desktop "$@"

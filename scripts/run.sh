#!/usr/bin/env bash
# Set up the application in a virtualenv and start it on the data folder
# (DANVAN_DATA_DIR, or ./demo-data for a first look). Until the desktop window lands,
# this runs the headless commands on a demo store: it sets up a team in Phường Phú Xuân,
# Huế, checks the store and lists what it holds.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e .
export DANVAN_DATA_DIR=${DANVAN_DATA_DIR:-$PWD/demo-data}
if ! .venv/bin/danvan check >/dev/null 2>&1; then
  .venv/bin/danvan init --commune 19768 --village "Tổ dân phố 5" \
    --team "Tổ dân vận tổ dân phố 5" --leader "Nguyễn Văn An"
  .venv/bin/danvan add model "name=Tuyến đường hoa sáng - xanh - sạch - đẹp" \
    field_code=new_rural status=registered year=2026 >/dev/null
fi
.venv/bin/danvan check
echo "Mô hình:" && .venv/bin/danvan list model
echo "Thay đổi chờ đồng bộ:" && .venv/bin/danvan outbox | wc -l

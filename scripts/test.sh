#!/usr/bin/env bash
# Set up everything the tests need on a fresh Debian/Ubuntu machine, then run them:
# system packages (as root), the virtualenv, a PostgreSQL server for the server tests,
# lint and type checks, and the test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

DEB_PACKAGES=(
  postgresql            # the server's production database, tested for real
  libreoffice-writer    # tests convert every DOCX headless
  libreoffice-calc      # tests recalculate every XLSX's formulas
  poppler-utils         # pdftotext, pdffonts, pdftoppm for the PDF checks
  dosfstools fusefat exfatprogs exfat-fuse e2fsprogs  # stick images for the USB tests
  util-linux            # lsblk, mount, loop devices
  xvfb xauth            # GUI screenshots and the installed-bundle smoke test
  desktop-file-utils shellcheck  # the Linux installer's desktop entry and scripts
  debootstrap           # the bundle run in a Debian testing chroot (cached in the temp dir)
  libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
)

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=()
  for pkg in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[dev,server,build]'

# shellcheck source=scripts/test_postgres.sh
source scripts/test_postgres.sh

echo "== ruff" && .venv/bin/ruff check src tests scripts bench docs installer && .venv/bin/ruff format --check src tests scripts bench docs installer
echo "== mypy" && .venv/bin/mypy
echo "== pytest"
export QT_QPA_PLATFORM=offscreen
export DANVAN_TEST_BUNDLE=${DANVAN_TEST_BUNDLE:-1}  # build and smoke-test the installer bundle
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
if [ $rc -eq 5 ]; then
  echo "pytest collected no tests: that is a failure" >&2
  exit 1
fi
exit $rc

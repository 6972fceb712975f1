#!/usr/bin/env bash
# Install everything the site and its tests need on a Debian machine with Python 3.11:
# system packages (browser, spell checker, PDF and document libraries, Java for the HTML
# checker), a virtual environment with the Python packages, and the npm tools for the gates.
# Safe to run again: every step is idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

APT_PACKAGES=(
  chromium                      # real browser for the page tests (never a downloaded one)
  hunspell hunspell-nl          # Dutch spelling check, nl_BE
  poppler-utils                 # pdftoppm: render worksheets to PNG in tests
  ffmpeg                        # makes a tiny local test video with captions
  default-jre-headless          # runs the Nu Html Checker (vnu.jar)
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0   # WeasyPrint
  fonts-dejavu-core fonts-liberation2                     # fonts for PDFs and screenshots
  nodejs npm                    # axe-core, Lighthouse, vnu-jar
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
# Node may come from elsewhere (e.g. nodesource or a prebuilt image): do not fight it.
if command -v node >/dev/null 2>&1; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
clean=()
for p in "${missing[@]}"; do [ -n "$p" ] && clean+=("$p"); done
if [ "${#clean[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${clean[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${clean[@]}"
fi

PY="${PYTHON:-python3.11}"
command -v "$PY" >/dev/null 2>&1 || PY=python3
# Debian's own Python needs python3-venv for `-m venv` (pip inside the environment).
if ! "$PY" -c "import ensurepip, venv" >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-venv python3-pip
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"

if [ -f package.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "setup: done"

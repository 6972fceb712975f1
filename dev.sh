#!/usr/bin/env bash
# One entry point for people and CI. Every command that needs the environment sets it up first.
#   bash dev.sh serve         set up, then serve the site on http://127.0.0.1:8000
#   bash dev.sh test          set up, then run every test (engine, content, browser, quality gates)
#   bash dev.sh build         set up, then build the static site into site/
#   bash dev.sh check         validate the course content without building
#   bash dev.sh links-online  build, then fetch every external link (needs internet)
#   bash dev.sh benchmark     build from clean and print size and speed figures
#   bash dev.sh gates         run the quality gates and write reports/quality.md
#   bash dev.sh readability   print a readability score for every course page
#   bash dev.sh package       set up, then write the offline copy and the SCORM 1.2 package to dist/
set -euo pipefail
cd "$(dirname "$0")"
export NO_MKDOCS_2_WARNING=1

setup() { bash scripts/setup.sh; }
py() { .venv/bin/python "$@"; }

case "${1:-help}" in
  setup) setup ;;
  serve) setup; exec .venv/bin/mkdocs serve -a "${ADDR:-127.0.0.1:8000}" ;;
  build) setup; .venv/bin/mkdocs build --strict ;;
  test)
    setup
    shift || true
    # pytest exits 5 when no test ran: that must fail too, so no special case here.
    .venv/bin/pytest "$@" ;;
  check) py -m netwerkkracht.cli check . ;;
  links-online) setup; .venv/bin/mkdocs build --strict; py -m netwerkkracht.linkcheck site --online --list-external ;;
  benchmark) setup; py -m netwerkkracht.benchmark ;;
  gates) setup; py -m netwerkkracht.quality ;;
  readability) py -m netwerkkracht.readability ;;
  package) setup; shift; py -m netwerkkracht.hosting.package "$@" ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac

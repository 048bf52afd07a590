#!/usr/bin/env bash
# npm test: lint, typechecks, build, Node tests and UI tests. On Linux the tests use a real Secret
# Service; when none answers, this starts a private one (dbus + gnome-keyring) for the run, so it
# behaves the same on a desktop and in CI.
set -euo pipefail
cd "$(dirname "$0")/.."

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "npm test needs '$1'. Install the Debian package '$2' (sudo apt-get install $2)." >&2
    exit 1
  fi
}

keychain_answers() {
  timeout 10 node -e "require('keytar').findCredentials('Promo Exporter probe').then(() => process.exit(0), () => process.exit(1))" \
    >/dev/null 2>&1
}

if [ "$(uname -s)" = Linux ] && [ -z "${PROMO_EXPORTER_PRIVATE_KEYRING:-}" ] && ! keychain_answers; then
  need dbus-run-session dbus
  need gnome-keyring-daemon gnome-keyring
  echo "No Secret Service answers: starting a private one (dbus-run-session + gnome-keyring) for the tests."
  # Its keyring files live in a folder of this run's own, apart from any other keyring daemon's.
  XDG_DATA_HOME="$(mktemp -d)"
  export XDG_DATA_HOME
  exec dbus-run-session -- bash -c '
    echo -n promo-exporter-tests | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    PROMO_EXPORTER_PRIVATE_KEYRING=1 exec bash test/run-tests.sh' 2> >(grep -v "Failed to set fd limit" >&2)
fi

[ "$(uname -s)" = Linux ] && need python3 python3-openpyxl
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || { echo "npm test needs Chromium at /usr/bin/chromium (apt-get install chromium) or CHROMIUM_PATH." >&2; exit 1; }

mkdir -p .artifacts/reports
echo "== lint";      npm run --silent lint
echo "== typecheck"; npm run --silent typecheck
echo "== build";     npm run --silent build >/dev/null
echo "== node tests"
npx vitest run -c test/vitest.config.ts --reporter=default --reporter=json --outputFile.json=.artifacts/reports/node-report.json
echo "== ui tests"
PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/.artifacts/reports/ui-report.json" npx playwright test -c test/playwright.config.ts --reporter=list,json
node test/support/summarise.mjs .artifacts/reports/node-report.json .artifacts/reports/ui-report.json

#!/usr/bin/env bash
# Browser-test tools: Debian's Chromium (browsers cannot be downloaded by Playwright here) and
# axe-core from the npm registry. Safe to run twice. Called by CI (scripts/ci-services.sh).
set -uo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
      >/tmp/virage-apt-chromium.log 2>&1 || echo "could not install chromium (see /tmp/virage-apt-chromium.log)"
  else
    echo "Chromium is missing: install Debian's package 'chromium' (browser tests are skipped)."
  fi
fi
if [ ! -f node_modules/axe-core/axe.min.js ]; then
  if command -v npm >/dev/null; then
    npm ci --no-audit --no-fund --silent || echo "npm ci failed (browser tests are skipped)"
  else
    echo "npm is missing: browser tests are skipped."
  fi
fi
exit 0

#!/usr/bin/env bash
# Benchmark tools: wrk (Debian package `wrk`), the load generator of scripts/loadtest.py.
# Safe to run twice. Called by `make bench` and `make loadtest`.
set -uo pipefail
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) \
      >/tmp/virage-apt-wrk.log 2>&1 || echo "could not install wrk (see /tmp/virage-apt-wrk.log)"
  else
    echo "wrk is missing: install Debian's package 'wrk' (sudo apt-get install wrk)."
  fi
fi
exit 0

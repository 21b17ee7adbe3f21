#!/usr/bin/env bash
# Debian's chromium and chromedriver for the browser tests (tests/server/test_browser.py).
# Idempotent: does nothing when both are there. Never downloads a browser build of its own.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "setup_chromium.sh: need root to apt-get install chromium chromium-driver" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
test -x /usr/bin/chromium && test -x /usr/bin/chromedriver
echo "setup_chromium.sh: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"

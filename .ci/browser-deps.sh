#!/usr/bin/env bash
# Install what the dashboard's browser tests need (Debian's chromium and chromium-driver), only when missing.
# Idempotent: a machine that has both installs nothing. Needs root (CI runs as root); elsewhere the browser tests
# skip with a message naming the missing browser.
set -euo pipefail

if [ -x /usr/bin/chromium ] && { [ -x /usr/bin/chromedriver ] || command -v chromedriver >/dev/null 2>&1; }; then
    echo "browser-deps: chromium and chromedriver are installed"
    exit 0
fi
if [ "$(id -u)" != "0" ]; then
    echo "browser-deps: chromium or chromium-driver is missing and this is not root; the browser tests will skip" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver
echo "browser-deps: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"

#!/usr/bin/env bash
# Installs what the browser tests need from Debian's packages when it is missing:
# chromium (driven by playwright-core; never a downloaded browser), a CJK font, and nginx (the tests
# serve dist/ with a stock web server too; the harness starts its own instance on a loopback port).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need+=(fonts-wqy-microhei)
[ -x /usr/sbin/nginx ] || need+=(nginx)
[ ${#need[@]} -eq 0 ] && exit 0
echo "Installing ${need[*]} from Debian's packages…"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "Installed ${need[*]}."

#!/usr/bin/env bash
# Installs the real servers some tests start on 127.0.0.1 (Debian packages), when missing:
# prometheus with promtool (the DCGM-through-Prometheus tests), prometheus-pushgateway (the
# Pushgateway tests) and chromium (the charts drawn in a browser). Needs root (or passwordless
# sudo) and apt-get.
set -euo pipefail
packages=()
{ command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; } || packages+=(prometheus)
command -v prometheus-pushgateway >/dev/null 2>&1 || packages+=(prometheus-pushgateway)
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
[ ${#packages[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then as_root=(); elif sudo -n true 2>/dev/null; then as_root=(sudo -n); else
  echo "The tests need ${packages[*]}: run 'sudo apt-get install -y ${packages[*]}' (Debian/Ubuntu) and try again." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"

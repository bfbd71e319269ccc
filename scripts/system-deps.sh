#!/usr/bin/env bash
# Installs the Debian packages Greenlight needs, once. Safe to run again: it does nothing when
# they are already there. `system-deps.sh run`: only what the app itself needs (the fonts the
# paperwork PDFs embed: DejaVu Sans, Symbola for emoji). With no argument, also what the test
# suite drives for real (PostgreSQL, Chromium, Redis, HAProxy).
set -euo pipefail
need=()
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
[ -f /usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf ] || need+=(fonts-symbola)
if [ "${1:-test}" != "run" ]; then
  [ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v redis-server >/dev/null || need+=(redis-server)
  [ -x /usr/sbin/haproxy ] || command -v haproxy >/dev/null || need+=(haproxy)
fi
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "system-deps: need ${need[*]} (run as root, or install them with apt-get)" >&2
  exit 1
fi
echo "system-deps: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null

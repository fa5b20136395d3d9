#
# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 the Seedream for Camel and NiFi contributors
#

# Sourced by .ci/run: installs with apt-get the programs the tests start themselves and Maven cannot download —
# Debian's Chromium (driven by Playwright in nifi-seedream-it), Node.js with npm, and redis-server (the shared image
# budget's tests). Missing ones are a hard error: in CI those tests fail rather than skip.

missing_packages=()
[ -x /usr/bin/chromium ] || missing_packages+=(chromium)
command -v node >/dev/null 2>&1 || missing_packages+=(nodejs)
command -v npm >/dev/null 2>&1 || missing_packages+=(npm)
[ -x /usr/bin/redis-server ] || missing_packages+=(redis-server)

if [ ${#missing_packages[@]} -gt 0 ]; then
  echo "Installing ${missing_packages[*]} with apt-get"
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo -n)
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -q >/dev/null
  "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing_packages[@]}" >/dev/null
fi
echo "Chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n 1); Node.js: $(node --version);" \
  "$(/usr/bin/redis-server --version | cut -d' ' -f1-3)"

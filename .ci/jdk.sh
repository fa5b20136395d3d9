#
# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 the Seedream for Camel and NiFi contributors
#

# Sourced by .ci/run and examples/*.sh: exports JAVA_HOME (and PATH) for a JDK 21 or newer, or explains and exits.
# Order: JAVA_HOME if new enough, else the newest JDK 21+ found in the usual install folders.

java_major() { # prints the feature version of the JDK at $1, or 0
  local release="$1/release"
  [ -x "$1/bin/javac" ] && [ -f "$release" ] || { echo 0; return; }
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -n 1
}

pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ]; then
    echo "$JAVA_HOME"; return
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home \
             "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$dir" ] || continue
    major=$(java_major "$dir")
    if [ "${major:-0}" -gt "$best_major" ]; then best="$dir"; best_major=$major; fi
  done
  [ "$best_major" -ge 21 ] && echo "$best"
}

found_jdk=$(pick_jdk) || true
if [ -z "$found_jdk" ]; then
  echo "error: this project needs a JDK 21 or newer, and none was found (JAVA_HOME=${JAVA_HOME:-unset};" \
       "looked in /usr/lib/jvm, /opt/java, /opt/jdk*, SDKMAN). Install one (e.g. 'apt-get install openjdk-21-jdk')" \
       "or point JAVA_HOME at it." >&2
  exit 1
fi
export JAVA_HOME="$found_jdk"
export PATH="$JAVA_HOME/bin:$PATH"

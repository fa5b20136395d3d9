#!/usr/bin/env bash
#
# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 the Seedream for Camel and NiFi contributors
#

# Builds the published modules a second time from clean and compares every artifact, byte for byte, with what the
# build before it made: a release must be reproducible from its commit. Run after `./mvnw verify` (as .ci/run does).
set -euo pipefail
cd "$(dirname "$0")/.."
modules=seedream-client,seedream-emulator,seedream-budget-redis,camel-seedream,camel-seedream-starter,nifi-seedream-processors,nifi-seedream-nar
artifacts() {
  for module in ${modules//,/ }; do
    find "$module/target" -maxdepth 1 -type f \( -name '*.jar' -o -name '*.nar' -o -name 'bom.json' \
      -o -name 'bom.xml' \) -print0 | sort -z | xargs -0 sha256sum
  done
}
first=$(mktemp)
second=$(mktemp)
artifacts > "$first"
if [ ! -s "$first" ]; then
  echo "reproducible.sh: no artifacts to compare; run ./mvnw verify first" >&2
  exit 1
fi
# Online: the SBOM goal skips itself offline (everything else is in the local repository by now).
./mvnw -B -q clean package -DskipTests -pl "$modules"
artifacts > "$second"
if diff "$first" "$second"; then
  echo "Reproducible: $(wc -l < "$first") artifacts of the published modules are byte-identical in a second build"
else
  echo "Not reproducible: the artifacts above differ between two builds of the same tree" >&2
  exit 1
fi

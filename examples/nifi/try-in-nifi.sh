#!/usr/bin/env bash
#
# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 the Seedream for Camel and NiFi contributors
#

# Our processors in a real NiFi 2.3.0 (assembled from Maven Central) with the local emulator, in one command:
#   examples/nifi/try-in-nifi.sh
# Builds the NAR and assembles NiFi on the first run (a few minutes, ~140 MB of downloads), then prints the NiFi UI's
# URL. Ctrl-C stops NiFi and the emulator. NiFi listens on 127.0.0.1 only, without login.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/jdk.sh
echo "Building the NAR and assembling NiFi (tests skipped)…"
./mvnw -B -q -pl nifi-seedream-it -am verify -DskipTests
classpath_file=nifi-seedream-it/target/test.classpath   # written by the build
version=$(sed -n 's:.*<nifi-it.version>\(.*\)</nifi-it.version>.*:\1:p' nifi-seedream-it/pom.xml)
seedream_version=$(sed -n "s:^  <version>\(.*\)</version>:\1:p" pom.xml | head -n 1)
exec java -Dnifi.home="$PWD/nifi-seedream-it/target/nifi-$version" -Dnifi.version="$version" \
  -Dseedream.version="$seedream_version" \
  -cp "nifi-seedream-it/target/test-classes:$(cat "$classpath_file")" dev.seedream.nifi.it.TryInNiFi

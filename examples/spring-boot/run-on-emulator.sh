#!/usr/bin/env bash
#
# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 the Seedream for Camel and NiFi contributors
#

# One command from a fresh clone: builds what is needed, then runs the Spring Boot job on an emulator started in the
# same process (no key, no network, no credits): one image per line of a prompts file.
#   examples/spring-boot/run-on-emulator.sh [prompts-file] [output-folder]
# Defaults: examples/prompts.txt and ./seedream-images. Against the real API, from this folder:
#   SEEDREAM_API_KEY=... ../../mvnw spring-boot:run -Dspring-boot.run.arguments="--job.prompts=... --job.output=..."
set -euo pipefail
prompts=$(realpath -m -- "${1:-$(dirname "$0")/../prompts.txt}")   # relative to where the user stands
output=$(realpath -m -- "${2:-seedream-images}")
cd "$(dirname "$0")/../.."
source .ci/jdk.sh
echo "Building the starter and the example (the first run downloads Maven and the dependencies: a few minutes)…"
./mvnw -B -q -pl examples/spring-boot -am install -DskipTests
exec ./mvnw -B -q -f examples/spring-boot/pom.xml spring-boot:test-run \
  -Dspring-boot.run.arguments="--job.prompts=$prompts --job.output=$output"

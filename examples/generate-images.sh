#!/usr/bin/env bash
#
# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 the Seedream for Camel and NiFi contributors
#

# One command from a fresh clone: builds what is needed, then generates one image per line of a prompts file.
#   examples/generate-images.sh [prompts-file] [output-folder]
# Defaults: examples/prompts.txt and ./seedream-images. Without SEEDREAM_API_KEY (or ARK_API_KEY) it runs against
# an emulator embedded in the same process: no key, no network, no credits.
set -euo pipefail
args=()
for arg in "$@"; do args+=("$(realpath -m -- "$arg")"); done   # relative to where the user stands
cd "$(dirname "$0")/.."
source .ci/jdk.sh
if [ ! -f examples/target/seedream-examples.jar ] || [ -n "$(find . -path ./examples/target -prune -o -name '*.java' -newer examples/target/seedream-examples.jar -print -quit)" ]; then
  echo "Building the examples (the first run downloads Maven and the dependencies: a few minutes)…"
  ./mvnw -B -q -pl examples -am package -DskipTests
fi
exec java -jar examples/target/seedream-examples.jar "${args[@]}"

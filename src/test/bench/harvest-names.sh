#!/usr/bin/env bash
# The product, drug and device NAMES of all public letters' text (issue 10, seventh session), for the name table of
# rules.json: prints each name, the number of letters it occurs in, and the category the rules give the name alone.
# Names only: no text around a name, no request, decision, citation or label; the suggester runs on no request.
# Usage: src/test/bench/harvest-names.sh [LETTER_TXT_DIR]   (from the project root; default ../shared/data/imr-letters/txt)
set -euo pipefail
cd "$(dirname "$0")/../../.."
dir=${1:-../shared/data/imr-letters/txt}
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
java -cp "target/classes:target/test-classes:$(cat target/bench.cp)" org.reviewdesk.guideline.DrugNameHarvest "$dir"

#!/usr/bin/env bash
# Builds `gen-nodejs-sdk` (scripts/gen-nodejs-sdk: pkg/v3's Node.js SDK generator behind a strict
# schema check) from the Go module proxy into the Pulumi CLI's cache bin dir, with the same module and
# build caches (scripts/lib/go-build.sh), and rebuilds it only when its source changes. It does not
# need the CLI: `npm run gen:plugin-sdk` uses it without building one.
#
# Prints the path of the executable as the last line of stdout; progress goes to stderr, one line per
# phase, and Go's output to the build log those lines name. Cold: ~1 min on 2 cores with the CLI's
# modules cached, a few minutes without; afterwards well under a second.
#
#   PULUMI_CLI_CACHE     cache root (default ~/.cache/pulumi-acquia-cloud)
set -euo pipefail

# shellcheck disable=SC2034 # read by lib/go-build.sh's log
LOG_TAG=install-gen-nodejs-sdk
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib/go-build.sh"

ensure_built gen-nodejs-sdk || exit 1
echo "$BIN/gen-nodejs-sdk"

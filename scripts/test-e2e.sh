#!/usr/bin/env bash
# Runs the end-to-end suites (the real Pulumi CLI) and the tools suite (the plugin SDK generator and the
# YAML language host), then the fault matrix (test/reliability), with a CLI found or made first:
# PULUMI_CLI_DIR when set (CI sets it), else a `pulumi` on PATH, else the cached build, which
# install-pulumi-cli.sh makes from the Go module proxy on first use (about 10 minutes once), and
# gen-nodejs-sdk likewise: GEN_NODEJS_SDK when set (CI sets it), else install-gen-nodejs-sdk.sh's cached
# build. Extra arguments go to both jest runs (a filter that matches only one of them passes the other).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -z "${PULUMI_CLI_DIR:-}" ]]; then
  echo "[test:e2e] the end-to-end suites drive the Pulumi CLI: finding it, or building it once (scripts/install-pulumi-cli.sh)" >&2
  if ! dir="$(bash scripts/install-pulumi-cli.sh | tail -n 1)" || [[ ! -x "$dir/pulumi" ]]; then
    echo "[test:e2e] no Pulumi CLI: put \`pulumi\` on PATH, or install Go 1.26+ so \`npm run setup:pulumi\` can build one" >&2
    exit 1
  fi
  export PULUMI_CLI_DIR="$dir" PATH="$dir:$PATH"
fi
# The tools suite regenerates the plugin SDK from the committed schema and compares (it skips loudly
# without the generator, and fails under CI=true).
if [[ -z "${GEN_NODEJS_SDK:-}" ]]; then
  echo "[test:e2e] the tools suite needs gen-nodejs-sdk: finding it, or building it once (scripts/install-gen-nodejs-sdk.sh)" >&2
  if gen="$(bash scripts/install-gen-nodejs-sdk.sh | tail -n 1)" && [[ -x "$gen" ]]; then
    export GEN_NODEJS_SDK="$gen"
  else
    echo "[test:e2e] no gen-nodejs-sdk (it needs Go 1.26+): the tools suite says what it skips" >&2
  fi
fi
# Two runs rather than one: jest orders a run's files by its own measure, and the fault matrix comes
# last. All in band: two cores cannot host several engines at once.
npx jest --selectProjects e2e tools --runInBand --passWithNoTests "$@"
exec npx jest --selectProjects reliability --runInBand --passWithNoTests "$@"

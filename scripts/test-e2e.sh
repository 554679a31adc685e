#!/usr/bin/env bash
# Runs the end-to-end suites (the real Pulumi CLI) with a CLI found or made first: PULUMI_CLI_DIR when
# set (CI sets it), else a `pulumi` on PATH, else the cached build, which install-pulumi-cli.sh makes
# from the Go module proxy on first use (about 10 minutes once). Extra arguments go to jest.
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
exec npx jest --selectProjects e2e --runInBand "$@"

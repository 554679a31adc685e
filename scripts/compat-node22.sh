#!/usr/bin/env bash
# Compatibility run: the end-to-end suites that install the packed package (all-resources, examples,
# compat) again, with the programs, the Node.js language host and the dynamic provider on Node 22 and
# the programs on the newest @pulumi/pulumi, and the plugin SDK's program check (test/tools) on the
# same: the generated SDK must compile and run with it too. Jest itself stays on the Node running this
# script.
#
# Node 22 comes from the npm registry. The `node@22` package only has a preinstall script that installs
# the platform package `node-linux-<arch>@22.x`, which carries bin/node (npm 11 skips that unapproved
# script), so this installs the platform package directly: the same binary `node@22` would install.
#
#   PULUMI_CLI_CACHE     cache root (default ~/.cache/pulumi-acquia-cloud); Node 22 goes into <root>/node22
#   E2E_PULUMI_VERSION   @pulumi/pulumi for the programs (default: the newest, `npm view @pulumi/pulumi version`)
#
# Needs a built dist/ (`npm run test:compat` builds first) and the Pulumi CLI (`npm run setup:pulumi`).
# Jest runs with CI=true, so a missing CLI fails the run instead of skipping every suite.
# Network: the npm registry only.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '[compat-node22] %s\n' "$*" >&2; }

case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *)
    log "no node-linux-* package for $(uname -m)"
    exit 1
    ;;
esac
pkg="node-linux-$arch"
prefix="${PULUMI_CLI_CACHE:-$HOME/.cache/pulumi-acquia-cloud}/node22"
node_dir="$prefix/node_modules/$pkg/bin"

# Re-resolved on every run (a newer 22.x replaces the cached one); quick when the cache is current.
log "installing $pkg@22 into $prefix"
mkdir -p "$prefix"
npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "$pkg@22" >&2
node_version="$("$node_dir/node" --version)"
if [[ $node_version != v22.* ]]; then
  log "$node_dir/node is $node_version, not v22"
  exit 1
fi
log "node $node_version at $node_dir"

sdk_version="${E2E_PULUMI_VERSION:-$(npm view @pulumi/pulumi version)}"
[[ -n $sdk_version ]] || {
  log "could not resolve the newest @pulumi/pulumi"
  exit 1
}
log "@pulumi/pulumi $sdk_version for the programs (the repository develops against" \
  "$(node -p 'require("@pulumi/pulumi/package.json").version'))"

suites=(test/e2e/all-resources.test.ts test/e2e/plugin.test.ts test/e2e/examples.test.ts
  test/e2e/release-pipeline.test.ts test/e2e/compat.test.ts
  test/tools/plugin-sdk-program.test.ts)

log "jest on node $(node --version): ${suites[*]}"
CI=true E2E_NODE_DIR="$node_dir" E2E_PULUMI_VERSION="$sdk_version" \
  npx jest "${suites[@]}" --selectProjects e2e tools --runInBand

log "covered: node $node_version (programs, language host, dynamic provider) with @pulumi/pulumi" \
  "$sdk_version; suites: ${suites[*]}"

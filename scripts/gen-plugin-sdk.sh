#!/usr/bin/env bash
# `npm run gen:plugin-sdk`: writes the typed Node.js SDK of plugin mode (provider/plugin-sdk/, exported
# as `pulumi-acquia-cloud/plugin`) from the committed package schema, provider/plugin/schema.json (run
# `npm run gen:schema` first when the kinds changed), with gen-nodejs-sdk at this package's version.
# The SDK asks the engine for the plugin at that version, the one the plugin reports.
#
#   gen-plugin-sdk.sh [OUT_DIR]   default provider/plugin-sdk; the tools suite writes a copy elsewhere
#                                 to compare. OUT_DIR is replaced as a whole, so no stale file survives.
#   GEN_NODEJS_SDK   the generator to run (default: scripts/install-gen-nodejs-sdk.sh's cached build,
#                    made from the Go module proxy the first time, about a minute)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '[gen:plugin-sdk] %s\n' "$*" >&2; }

out="${1:-provider/plugin-sdk}"
gen="${GEN_NODEJS_SDK:-}"
if [[ -z $gen ]]; then
  gen="$(bash scripts/install-gen-nodejs-sdk.sh | tail -n 1)" || {
    log "could not build gen-nodejs-sdk (it needs Go 1.26+ and the Go module proxy)"
    exit 1
  }
fi
[[ -x $gen ]] || {
  log "$gen is not an executable gen-nodejs-sdk"
  exit 1
}
version="$(node -p 'require("./package.json").version')"

# Written elsewhere first, then moved in: a failed run leaves the previous SDK in place.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# The tool name goes into every file's do-not-edit header, so it says how to regenerate.
"$gen" -version "$version" -tool "gen-nodejs-sdk (npm run gen:plugin-sdk)" \
  provider/plugin/schema.json "$tmp/sdk" >/dev/null
rm -rf "$out"
mkdir -p "$(dirname "$out")"
mv "$tmp/sdk" "$out"
log "$out: $(find "$out" -type f | wc -l) files from provider/plugin/schema.json, version $version"

#!/usr/bin/env bash
# Makes a Pulumi CLI available without the official installer (which downloads from a host our
# machines cannot reach). Uses a `pulumi` already on PATH; otherwise builds the CLI from the Go
# module proxy into a cache outside the clone and reuses it on later runs.
#
# Prints the directory holding `pulumi` (and the `pulumi-resource-pulumi-nodejs` plugin script) as
# the last line of stdout; everything else goes to stderr.
#
#   PULUMI_CLI_VERSION   release to build (default below; pkg/v3 and sdk/v3 must both be served)
#   PULUMI_CLI_CACHE     cache root (default ~/.cache/pulumi-acquia-cloud)
#   PULUMI_CLI_FORCE_BUILD=1  ignore a `pulumi` on PATH and use the cached build
set -euo pipefail

VERSION="${PULUMI_CLI_VERSION:-v3.274.1}"
CACHE_ROOT="${PULUMI_CLI_CACHE:-$HOME/.cache/pulumi-acquia-cloud}"
PREFIX="$CACHE_ROOT/pulumi-$VERSION"
BIN="$PREFIX/bin"

log() { printf '[install-pulumi-cli] %s\n' "$*" >&2; }

if [[ -z "${PULUMI_CLI_FORCE_BUILD:-}" ]] && command -v pulumi >/dev/null 2>&1; then
  dir="$(dirname "$(command -v pulumi)")"
  log "using pulumi on PATH: $dir ($(pulumi version 2>/dev/null || echo 'version unknown'))"
  echo "$dir"
  exit 0
fi

if [[ -x "$BIN/pulumi" && -x "$BIN/pulumi-resource-pulumi-nodejs" ]]; then
  log "cached: $BIN ($("$BIN/pulumi" version))"
  echo "$BIN"
  exit 0
fi

command -v go >/dev/null 2>&1 || { log "Go is required to build the Pulumi CLI (none on PATH)"; exit 1; }

# Everything Go touches stays under the cache, so a clone never fills with build output and a
# second run finds the module and build caches warm.
export GOMODCACHE="$PREFIX/gomod" GOCACHE="$PREFIX/gocache" GOFLAGS=-modcacherw GOTOOLCHAIN=local
WORK="$PREFIX/src"
mkdir -p "$WORK" "$BIN"
cd "$WORK"

log "building Pulumi CLI $VERSION in $WORK (cold builds take several minutes)"
if [[ ! -f go.mod ]]; then
  go mod init pulumi-cli-build >&2
fi
# pkg/v3 and sdk/v3 carry replace directives that do not apply to a module depending on them, so the
# wrapper repeats them. x/text follows the one sdk/v3's own go.mod pins for this release.
sdk_mod="$(go mod download -json "github.com/pulumi/pulumi/sdk/v3@$VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')"
text_version="$(sed -n 's#^replace golang.org/x/text => golang.org/x/text \(v[^ ]*\)$#\1#p' "$sdk_mod")"
clip_replace="$(sed -n 's#^replace github.com/atotto/clipboard => \(.*\)$#\1#p' "$sdk_mod" | tr ' ' '@')"
go mod edit -replace="golang.org/x/text=golang.org/x/text@${text_version:-v0.41.0}"
go mod edit -replace="github.com/atotto/clipboard=${clip_replace:-github.com/tgummerer/clipboard@v0.0.0-20241001131231-d02d263e614e}"
cat > tools.go <<'GO'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
GO
go get "github.com/pulumi/pulumi/pkg/v3@$VERSION" "github.com/pulumi/pulumi/sdk/v3@$VERSION" >&2
go mod tidy >&2
got="$(go list -m -f '{{.Version}}' github.com/pulumi/pulumi/pkg/v3 github.com/pulumi/pulumi/sdk/v3 | sort -u)"
[[ "$got" == "$VERSION" ]] || { log "module versions drifted: $got (wanted $VERSION)"; exit 1; }

CGO_ENABLED=0 go build -trimpath -tags osusergo,grpcnotrace \
  -ldflags "-w -s -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$VERSION" \
  -o "$BIN/pulumi.tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2

# The engine never downloads this "bundled" plugin: it must sit beside the CLI. sdk/v3's module zip
# carries the same script the npm package ships.
sdk_dir="$(go list -m -f '{{.Dir}}' github.com/pulumi/pulumi/sdk/v3)"
install -m 0755 "$sdk_dir/nodejs/dist/pulumi-resource-pulumi-nodejs" "$BIN/pulumi-resource-pulumi-nodejs"
mv "$BIN/pulumi.tmp" "$BIN/pulumi"
log "built: $("$BIN/pulumi" version)"
echo "$BIN"

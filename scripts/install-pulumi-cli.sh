#!/usr/bin/env bash
# Makes a Pulumi CLI available without the official installer (which downloads from a host our
# machines cannot reach). Uses a `pulumi` already on PATH; otherwise builds the CLI from the Go
# module proxy into a cache outside the clone and reuses it on later runs.
#
# Also builds the language hosts the CLI runs Pulumi.yaml projects with into the same bin dir, beside
# `pulumi` (where the engine looks first, without the warning it prints for one found on PATH), each
# from a Go module committed under scripts/ and rebuilt whenever that source changes (a hash of it is
# kept beside the binary):
#   pulumi-language-nodejs  our own small Node.js host (scripts/pulumi-language-nodejs): the real one is
#                           not served by the module proxy; without one only inline Automation API
#                           programs run
#   pulumi-language-yaml    pulumi-yaml's host (scripts/pulumi-language-yaml: a wrapper module pinning
#                           pulumi-yaml v1.25.0, the newest the proxy serves, to the pkg/sdk release it
#                           still compiles with), for `runtime: yaml` programs of the provider plugin
# For a `pulumi` on PATH, a host is only built when none is beside it or on PATH.
#
# Prints the directory holding `pulumi` (and the `pulumi-resource-pulumi-nodejs` plugin script) as
# the last line of stdout; progress goes to stderr, one line per phase, and Go's own output to a log
# file whose path those lines name. The cache layout and build helpers are scripts/lib/go-build.sh's,
# shared with scripts/install-gen-nodejs-sdk.sh.
#
#   PULUMI_CLI_VERSION   release to build (default in scripts/lib/go-build.sh; pkg/v3 and sdk/v3 must both be served)
#   PULUMI_CLI_CACHE     cache root (default ~/.cache/pulumi-acquia-cloud)
#   PULUMI_CLI_FORCE_BUILD=1  ignore a `pulumi` on PATH and use the cached build
set -euo pipefail

# shellcheck disable=SC2034 # read by lib/go-build.sh's log
LOG_TAG=install-pulumi-cli
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib/go-build.sh"

HOSTS=(pulumi-language-nodejs pulumi-language-yaml)

# Builds one language host into $BIN unless it is current (see ensure_built). Cold, on 2 cores:
# pulumi-language-nodejs ~2.5 min, pulumi-language-yaml ~1 min once the CLI's modules are cached.
ensure_host() {
  case $1 in
    pulumi-language-nodejs) ensure_built "$1" ;;
    pulumi-language-yaml)
      # The version the host reports (`pulumi about`, plugin listings) is the one go.mod pins.
      local yaml_version
      yaml_version="$(sed -n 's#^[[:space:]]*github.com/pulumi/pulumi-yaml \(v[^ ]*\).*#\1#p' \
        "$SCRIPTS_DIR/pulumi-language-yaml/go.mod")"
      [[ -n $yaml_version ]] || { log "no github.com/pulumi/pulumi-yaml version in scripts/pulumi-language-yaml/go.mod"; return 1; }
      ensure_built "$1" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml \
        "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=$yaml_version"
      ;;
    *)
      log "unknown language host $1"
      return 1
      ;;
  esac
}

ensure_hosts() {
  local host
  for host in "${HOSTS[@]}"; do
    ensure_host "$host" || return 1
  done
}

if [[ -z "${PULUMI_CLI_FORCE_BUILD:-}" ]] && command -v pulumi >/dev/null 2>&1; then
  dir="$(dirname "$(command -v pulumi)")"
  log "using pulumi on PATH: $dir ($(pulumi version 2>/dev/null || echo 'version unknown'))"
  # Our own cache on PATH (as the demo suggests): keep its language hosts current like the cached case.
  if [[ "$(cd "$dir" && pwd -P)" == "$(cd "$BIN" 2>/dev/null && pwd -P)" ]]; then
    ensure_hosts || exit 1
  fi
  # An installed CLI normally ships its language hosts beside it; only build ours when it does not.
  for host in "${HOSTS[@]}"; do
    if [[ ! -x "$dir/$host" ]] && ! command -v "$host" >/dev/null 2>&1; then
      if ensure_host "$host"; then
        log "no $host beside it or on PATH: ours is in $BIN; put that directory on PATH for \`pulumi up\`"
      else
        log "WARNING: no $host for it: \`pulumi up\` on projects of its runtime will fail (inline programs still work)"
      fi
    fi
  done
  echo "$dir"
  exit 0
fi

if [[ -x "$BIN/pulumi" && -x "$BIN/pulumi-resource-pulumi-nodejs" ]]; then
  ensure_hosts || exit 1
  log "cached: $BIN ($("$BIN/pulumi" version))"
  echo "$BIN"
  exit 0
fi

command -v go >/dev/null 2>&1 || { log "Go is required to build the Pulumi CLI (none on PATH)"; exit 1; }

go_env
WORK="$PREFIX/src"
mkdir -p "$WORK" "$BIN"
cd "$WORK"

log "building Pulumi CLI $VERSION in $WORK (about 10 minutes the first time; cached afterwards)"
if [[ ! -f go.mod ]]; then
  phase "creating the build module" go mod init pulumi-cli-build
fi
# pkg/v3 and sdk/v3 carry replace directives that do not apply to a module depending on them, so the
# wrapper repeats them. x/text follows the one sdk/v3's own go.mod pins for this release.
phase "downloading sdk/v3 $VERSION" go mod download "github.com/pulumi/pulumi/sdk/v3@$VERSION"
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
phase "resolving the CLI's modules" go get "github.com/pulumi/pulumi/pkg/v3@$VERSION" "github.com/pulumi/pulumi/sdk/v3@$VERSION"
phase "downloading the CLI's dependencies" go mod tidy
got="$(go list -m -f '{{.Version}}' github.com/pulumi/pulumi/pkg/v3 github.com/pulumi/pulumi/sdk/v3 | sort -u)"
[[ "$got" == "$VERSION" ]] || { log "module versions drifted: $got (wanted $VERSION)"; exit 1; }

phase "compiling the CLI" env CGO_ENABLED=0 go build -trimpath -tags osusergo,grpcnotrace \
  -ldflags "-w -s -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$VERSION" \
  -o "$BIN/pulumi.tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi

# The engine never downloads this "bundled" plugin: it must sit beside the CLI. sdk/v3's module zip
# carries the same script the npm package ships.
sdk_dir="$(go list -m -f '{{.Dir}}' github.com/pulumi/pulumi/sdk/v3)"
install -m 0755 "$sdk_dir/nodejs/dist/pulumi-resource-pulumi-nodejs" "$BIN/pulumi-resource-pulumi-nodejs"
mv "$BIN/pulumi.tmp" "$BIN/pulumi"
log "built: $("$BIN/pulumi" version)"
ensure_hosts || exit 1
echo "$BIN"

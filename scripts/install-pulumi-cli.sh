#!/usr/bin/env bash
# Makes a Pulumi CLI available without the official installer (which downloads from a host our
# machines cannot reach). Uses a `pulumi` already on PATH; otherwise builds the CLI from the Go
# module proxy into a cache outside the clone and reuses it on later runs.
#
# Also builds our Node.js language host, `pulumi-language-nodejs`, from scripts/pulumi-language-nodejs/
# into the same bin dir (the real one is not served by the module proxy; without a language host only
# inline Automation API programs run). It is rebuilt whenever its source changes (a hash of the source
# is kept beside it), and not built at all for a `pulumi` on PATH that already has one beside it or on
# PATH.
#
# Prints the directory holding `pulumi` (and the `pulumi-resource-pulumi-nodejs` plugin script) as
# the last line of stdout; progress goes to stderr, one line per phase, and Go's own output to a log
# file whose path those lines name.
#
#   PULUMI_CLI_VERSION   release to build (default below; pkg/v3 and sdk/v3 must both be served)
#   PULUMI_CLI_CACHE     cache root (default ~/.cache/pulumi-acquia-cloud)
#   PULUMI_CLI_FORCE_BUILD=1  ignore a `pulumi` on PATH and use the cached build
set -euo pipefail

VERSION="${PULUMI_CLI_VERSION:-v3.274.1}"
CACHE_ROOT="${PULUMI_CLI_CACHE:-$HOME/.cache/pulumi-acquia-cloud}"
PREFIX="$CACHE_ROOT/pulumi-$VERSION"
BIN="$PREFIX/bin"

HOST=pulumi-language-nodejs
HOST_SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$HOST"

log() { printf '[install-pulumi-cli] %s\n' "$*" >&2; }

# Runs one build phase with its output in $LOG, and says which phase failed (with the log's tail).
LOG="$PREFIX/build.log"
phase() {
  local what=$1
  shift
  mkdir -p "$PREFIX"
  log "$what (details: $LOG)"
  printf '\n== %s: %s\n' "$(date -u +%FT%TZ)" "$what" >>"$LOG"
  if ! "$@" >>"$LOG" 2>&1; then
    log "$what failed; the end of $LOG:"
    tail -n 30 "$LOG" >&2
    return 1
  fi
}

# Everything Go touches stays under the cache, so a clone never fills with build output and a
# second run finds the module and build caches warm.
go_env() {
  export GOMODCACHE="$PREFIX/gomod" GOCACHE="$PREFIX/gocache" GOFLAGS=-modcacherw GOTOOLCHAIN=local
}

# Builds the language host into $BIN unless the binary there was built from the current source. The
# stamp is a hash of the source files, so any edit (or a new sdk/v3 in go.mod) rebuilds it. Called
# under `||`, where `set -e` is off: every step returns on failure itself.
ensure_language_host() {
  local stamp="$BIN/.$HOST.sha256" want start
  want="$(cd "$HOST_SRC" && find . -type f \( -name '*.go' -o -name go.mod -o -name go.sum \) | LC_ALL=C sort |
    xargs sha256sum | sha256sum | cut -d' ' -f1)" || return 1
  if [[ -x "$BIN/$HOST" && "$(cat "$stamp" 2>/dev/null)" == "$want" ]]; then
    return 0
  fi
  command -v go >/dev/null 2>&1 || { log "Go is required to build $HOST (none on PATH)"; return 1; }
  go_env
  mkdir -p "$BIN" || return 1
  start=$SECONDS
  # Same flags as the CLI build below (static, no cgo). Cold: ~2.5 min on 2 cores; after an edit: seconds.
  phase "building $HOST from $HOST_SRC" bash -c "cd '$HOST_SRC' && GOWORK=off CGO_ENABLED=0 go build -trimpath \
    -buildvcs=false -tags osusergo,grpcnotrace -ldflags '-w -s' -o '$BIN/$HOST.tmp' ." || return 1
  mv "$BIN/$HOST.tmp" "$BIN/$HOST" && echo "$want" >"$stamp" || return 1
  log "built $HOST $("$BIN/$HOST" -version) in $((SECONDS - start)) s"
}

if [[ -z "${PULUMI_CLI_FORCE_BUILD:-}" ]] && command -v pulumi >/dev/null 2>&1; then
  dir="$(dirname "$(command -v pulumi)")"
  log "using pulumi on PATH: $dir ($(pulumi version 2>/dev/null || echo 'version unknown'))"
  # Our own cache on PATH (as the demo suggests): keep its language host current like the cached case.
  if [[ "$(cd "$dir" && pwd -P)" == "$(cd "$BIN" 2>/dev/null && pwd -P)" ]]; then
    ensure_language_host || exit 1
  fi
  # An installed CLI normally ships its language hosts beside it; only build ours when it does not.
  if [[ ! -x "$dir/$HOST" ]] && ! command -v "$HOST" >/dev/null 2>&1; then
    if ensure_language_host; then
      log "no $HOST beside it or on PATH: ours is in $BIN; put that directory on PATH for \`pulumi up\`"
    else
      log "WARNING: no $HOST for it: \`pulumi up\` on Pulumi.yaml projects will fail (inline programs still work)"
    fi
  fi
  echo "$dir"
  exit 0
fi

if [[ -x "$BIN/pulumi" && -x "$BIN/pulumi-resource-pulumi-nodejs" ]]; then
  ensure_language_host || exit 1
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
ensure_language_host || exit 1
echo "$BIN"

# shellcheck shell=bash
# Sourced by scripts/install-pulumi-cli.sh and scripts/install-gen-nodejs-sdk.sh (not run on its own):
# the cache both build into, their progress lines and build log, Go's environment, and
# ensure_built, which builds one of our committed Go modules into the cache's bin dir when its source
# changed. The caller sets LOG_TAG (its name in progress lines) first.
#
#   PULUMI_CLI_VERSION   the CLI release (default below); names the cache folder everything shares
#   PULUMI_CLI_CACHE     cache root (default ~/.cache/pulumi-acquia-cloud)

VERSION="${PULUMI_CLI_VERSION:-v3.274.1}"
CACHE_ROOT="${PULUMI_CLI_CACHE:-$HOME/.cache/pulumi-acquia-cloud}"
PREFIX="$CACHE_ROOT/pulumi-$VERSION"
BIN="$PREFIX/bin"
LOG="$PREFIX/build.log"
SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '[%s] %s\n' "${LOG_TAG:?}" "$*" >&2; }

# Runs one build phase with its output in $LOG, and says which phase failed (with the log's tail).
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
# second run finds the module and build caches warm. Every module built here shares them: most of
# their dependencies are the same (pkg/v3 and sdk/v3 at different releases).
go_env() {
  export GOMODCACHE="$PREFIX/gomod" GOCACHE="$PREFIX/gocache" GOFLAGS=-modcacherw GOTOOLCHAIN=local
}

# ensure_built NAME [PACKAGE] [LDFLAGS]
# Builds the Go module committed in scripts/NAME (go.mod and go.sum, and its own Go files if any) into
# $BIN/NAME, unless the binary there was built from the current source: the stamp beside it is a hash
# of the source files, so any edit (or a new version in go.mod) rebuilds it. PACKAGE defaults to the
# module's own main package; a module without Go files builds a `tool` its go.mod names. Static and
# without cgo, like the CLI. Returns non-zero on failure (callers use it under `||`, where `set -e` is
# off, so every step returns on failure itself).
ensure_built() {
  local name=$1 pkg=${2:-.} ldflags="-w -s ${3:-}" src="$SCRIPTS_DIR/$1" stamp want start
  stamp="$BIN/.$name.sha256"
  # shellcheck disable=SC2054 # the comma separates build tags, not array elements
  local build=(go build -trimpath -buildvcs=false -tags osusergo,grpcnotrace -ldflags "$ldflags" -o "$BIN/$name.tmp" "$pkg")
  want="$(cd "$src" && find . -type f \( -name '*.go' -o -name go.mod -o -name go.sum \) | LC_ALL=C sort |
    xargs sha256sum | sha256sum | cut -d' ' -f1)" || return 1
  if [[ -x "$BIN/$name" && "$(cat "$stamp" 2>/dev/null)" == "$want" ]]; then
    return 0
  fi
  command -v go >/dev/null 2>&1 || { log "Go is required to build $name (none on PATH)"; return 1; }
  go_env
  mkdir -p "$BIN" || return 1
  start=$SECONDS
  # GOWORK=off: a go.work above the clone must not pull our modules into someone else's workspace.
  # shellcheck disable=SC2016 # the inner shell expands its own arguments
  phase "building $name from $src" bash -c 'cd "$1" && shift && GOWORK=off CGO_ENABLED=0 "$@"' _ "$src" "${build[@]}" ||
    return 1
  mv "$BIN/$name.tmp" "$BIN/$name" && echo "$want" >"$stamp" || return 1
  log "built $name in $((SECONDS - start)) s"
}

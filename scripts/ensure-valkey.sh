#!/usr/bin/env bash
# Makes sure a server for the integration tests is installed: valkey-server + valkey-cli
# (from bookworm-backports on Debian 12), else redis-server + redis-cli as a fallback, plus
# openssl for the test certificates. Idempotent: does nothing when all are present.
#
#   --dry-run   change nothing: print the source file it would write, skip `apt-get update`,
#               and run the installs as `apt-get --simulate`.
set -euo pipefail

DRY_RUN=0
for arg in "$@"; do
    case "$arg" in
        --dry-run) DRY_RUN=1 ;;
        *) echo "usage: $0 [--dry-run]" >&2; exit 2 ;;
    esac
done

BACKPORTS_FILE=/etc/apt/sources.list.d/backports.sources
say() { echo "ensure-valkey: $*"; }
have() { command -v "$1" >/dev/null 2>&1; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    if have sudo; then SUDO=(sudo); else say "not root and no sudo: cannot install packages" >&2; fi
fi

run_root() {
    if [ "$DRY_RUN" -eq 1 ]; then say "(dry run) would run: ${SUDO[*]:+${SUDO[*]} }$*"; return 0; fi
    "${SUDO[@]}" "$@"
}

APT_UPDATED=0
apt_update_once() {
    [ "$APT_UPDATED" -eq 1 ] && return 0
    APT_UPDATED=1
    run_root apt-get update -q
}

apt_install() {
    local simulate=()
    [ "$DRY_RUN" -eq 1 ] && simulate=(--simulate)
    # Simulation works without root, so it runs even in a dry run.
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${simulate[@]}" "$@"
}

codename() {
    # shellcheck disable=SC1091
    (. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
}

ensure_backports_source() {
    if grep -rqs -- "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
        say "bookworm-backports is already an apt source"
        return 0
    fi
    local content
    content="Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg"
    if [ "$DRY_RUN" -eq 1 ]; then
        say "(dry run) would write $BACKPORTS_FILE:"
        echo "$content"
        return 0
    fi
    say "adding bookworm-backports as $BACKPORTS_FILE"
    echo "$content" | "${SUDO[@]}" tee "$BACKPORTS_FILE" >/dev/null
    APT_UPDATED=0
}

install_valkey() {
    if [ "$(codename)" = "bookworm" ]; then
        ensure_backports_source &&
            apt_update_once &&
            say "installing valkey-server and valkey-tools from bookworm-backports" &&
            apt_install -t bookworm-backports valkey-server valkey-tools
    else
        # Newer Debian releases carry valkey in their main suite.
        apt_update_once &&
            say "installing valkey-server and valkey-tools" &&
            apt_install valkey-server valkey-tools
    fi
}

install_redis_fallback() {
    apt_update_once &&
        say "installing redis-server and redis-tools instead (Redis 7.0 on bookworm)" &&
        apt_install redis-server redis-tools
}

ensure_server() {
    if have valkey-server && have valkey-cli; then
        say "found $(valkey-server --version | head -n1)"
        return 0
    fi
    if have redis-server && have redis-cli && ! have valkey-server; then
        say "valkey is not installed; using the already installed $(redis-server --version | head -n1) (fallback)"
        return 0
    fi
    if ! have apt-get; then
        say "valkey-server is missing and this is not an apt-based system: install valkey (or redis) by hand" >&2
        return 1
    fi
    if install_valkey; then
        [ "$DRY_RUN" -eq 1 ] && return 0
        if have valkey-server && have valkey-cli; then
            say "installed $(valkey-server --version | head -n1)"
            return 0
        fi
        say "valkey packages installed but valkey-server/valkey-cli are not on PATH" >&2
    else
        say "could not install valkey from apt" >&2
    fi
    if install_redis_fallback; then
        [ "$DRY_RUN" -eq 1 ] && return 0
        if have redis-server && have redis-cli; then
            say "FALLBACK: tests will run against $(redis-server --version | head -n1), not valkey"
            return 0
        fi
    fi
    say "neither valkey nor redis could be installed" >&2
    return 1
}

ensure_openssl() {
    if have openssl; then
        say "found $(openssl version)"
        return 0
    fi
    if ! have apt-get; then
        say "openssl is missing: TLS tests will be skipped" >&2
        return 0
    fi
    apt_update_once
    say "installing openssl (TLS test certificates are generated at test time)"
    apt_install openssl || say "could not install openssl: TLS tests will be skipped" >&2
}

ensure_server
ensure_openssl

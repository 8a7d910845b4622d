#!/usr/bin/env bash
# Makes sure everything the test suite talks to is on this machine:
#   - a Chromium for Playwright (Debian's package, else Playwright's own download),
#   - real mail clients used as peers: curl, Python 3 (poplib, imaplib), mbsync (Debian's
#     isync) and fetchmail.
# Safe to run again: it installs only what is missing. Never asks questions.
set -euo pipefail

log() { printf 'setup-test-env: %s\n' "$*"; }

is_root() { [ "$(id -u)" = 0 ]; }
has_apt() { command -v apt-get >/dev/null 2>&1; }

apt_updated=0
apt_install() {
  if ! is_root || ! has_apt; then return 1; fi
  if [ "$apt_updated" = 0 ]; then
    # Another apt may hold the lock for a while on a fresh machine: wait for it.
    for _ in $(seq 1 30); do
      apt-get update -qq && break
      log "apt-get update failed (lock held?), retrying in 5 s"; sleep 5
    done
    apt_updated=1
  fi
  for _ in $(seq 1 30); do
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" && return 0
    log "apt-get install $* failed (lock held?), retrying in 5 s"; sleep 5
  done
  return 1
}

find_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then echo "$CHROMIUM_PATH"; return 0; fi
  for c in /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -x "$c" ]; then echo "$c"; return 0; fi
  done
  return 1
}

# 1. Chromium
if chromium=$(find_chromium); then
  log "using Chromium at $chromium"
elif apt_install chromium && chromium=$(find_chromium); then
  log "installed Debian's Chromium at $chromium"
else
  log "no system Chromium; asking Playwright to download its own"
  npx --no-install playwright install chromium
fi

# 2. Real mail clients used as test peers.
command -v curl >/dev/null 2>&1 || apt_install curl || log "curl missing and could not be installed"
command -v python3 >/dev/null 2>&1 || apt_install python3 || log "python3 missing and could not be installed"
command -v mbsync >/dev/null 2>&1 || apt_install isync || log "mbsync (isync) missing and could not be installed"
command -v fetchmail >/dev/null 2>&1 || apt_install fetchmail || log "fetchmail missing and could not be installed"
exit 0

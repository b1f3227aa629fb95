#!/usr/bin/env bash
# Makes sure the Debian programs the tests use are installed; run first by `npm test`.
# Idempotent and quick when everything is there. As root it installs what is missing
# (apt-get update once, then apt-get install), or through password-less sudo; otherwise it says what to install.
set -euo pipefail

# command -> Debian package. Add a line for each program a test needs.
declare -A NEEDED=(
  [chromium]=chromium # browser test of the website widget (test/e2e/widget.browser.test.ts)
  [redis-server]=redis-server # several instances on one Redis (test/hardening/redis-*.test.ts)
)

missing=()
for cmd in "${!NEEDED[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${NEEDED[$cmd]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

as_root=()
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then as_root=(sudo -n); fi
if { [ "$(id -u)" -ne 0 ] && [ ${#as_root[@]} -eq 0 ]; } || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-system-deps: missing Debian packages: ${missing[*]}" >&2
  echo "  install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "ensure-system-deps: installing ${missing[*]} ..." >&2
export DEBIAN_FRONTEND=noninteractive
${as_root[@]+"${as_root[@]}"} apt-get update -qq >&2
${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2

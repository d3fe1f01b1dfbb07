#!/usr/bin/env bash
# Installs the Debian packages the build, the demo and the tests need, if any are missing.
# Runs `apt-get update` once, and only when something has to be installed.
set -euo pipefail

packages=(libncurses-dev libpq-dev postgresql postgresql-contrib tmux openssh-server openssh-client
          locales pgbouncer htop libcurl4-openssl-dev)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "missing packages: ${missing[*]} (run as root or install them)" >&2; exit 1; }
    sudo="sudo"
fi
echo "installing: ${missing[*]}" >&2
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
# The Debian package starts a system cluster; the console never uses it.

#!/usr/bin/env bash
# Runs `make test` as a new contributor would: a throwaway normal user, a fresh clone of this
# checkout's HEAD in that user's home, nothing installed or configured for them. Run as root
# (it creates the user and deletes it afterwards); commit first, since only HEAD is cloned.
#
#   scripts/test-as-normal-user.sh [MAKE_TARGET...]     default: test
#
# Exits with make's status; also fails when the tests left a process of that user running.
set -euo pipefail

[[ $(id -u) -eq 0 ]] || { echo "run as root: it creates and removes a user" >&2; exit 1; }
root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
user="sc-contrib-$$"
home="/home/$user"
swift_dir=$(dirname -- "$(command -v swift)")

cleanup() {
    if ! userdel --remove "$user" 2>/dev/null; then
        echo "test-as-normal-user: $user still has processes:" >&2
        ps -u "$user" -o pid=,args= >&2 || true
        exit_status=1
    fi
}
exit_status=0
useradd --create-home --home-dir "$home" --shell /bin/bash "$user"
trap cleanup EXIT

# No hard links: a local clone would share object files with this checkout, and the chown
# below would then change the owner of this repository's own objects.
git clone --quiet --no-hardlinks "$root" "$home/clone"
chown -R "$user:" "$home/clone"

# Package dependencies may come from a local git mirror that root owns (`insteadOf` in the
# system's git config); git refuses another user's repository unless told it is safe, and
# SwiftPM does not pass GIT_CONFIG_* on, so the throwaway user's own git config says so.
runuser -u "$user" -- git config --file "$home/.gitconfig" safe.directory '*'
started=$(date +%s)
status=0
runuser -u "$user" -- env -i HOME="$home" USER="$user" LOGNAME="$user" SHELL=/bin/bash \
    PATH="$swift_dir:/usr/local/bin:/usr/bin:/bin" LANG=C.UTF-8 TERM=dumb \
    bash -c 'cd ~/clone && make "$@"' make "${@:-test}" || status=$?
echo "test-as-normal-user: make ${*:-test} as $user exited $status after $(( $(date +%s) - started )) s" >&2
trap - EXIT
cleanup
exit $(( status != 0 ? status : exit_status ))

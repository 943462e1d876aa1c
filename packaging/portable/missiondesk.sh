#!/bin/sh
# MissionDesk launcher for the portable folder: runs the program beside this script, from wherever it is
# called (a symbolic link to this script in ~/bin or /usr/local/bin works too).
#   ./missiondesk.sh                      the window, on the bundled seed corpus
#   ./missiondesk.sh extract seeds -o out.json
here=$(dirname "$(readlink -f "$0")")

# The window needs the desktop's X11/Wayland libraries (the command line needs none). If one is missing, say
# which before Qt fails with a less helpful message.
case "${1:-gui}" in
gui)
    plugin=xcb
    [ -n "${WAYLAND_DISPLAY:-}" ] && plugin=wayland
    [ -n "${QT_QPA_PLATFORM:-}" ] && plugin=${QT_QPA_PLATFORM%%[:;]*}
    if [ -e "$here/_internal/PySide6/Qt/plugins/platforms/libq$plugin.so" ] && command -v ldd >/dev/null 2>&1; then
        missing=$(LD_LIBRARY_PATH="$here/_internal" \
                  ldd "$here/_internal/PySide6/Qt/plugins/platforms/libq$plugin.so" 2>/dev/null \
                  | awk '/not found/ {print $1}' | sort -u | tr '\n' ' ')
        if [ -n "$missing" ]; then
            echo "missiondesk: the window needs these system libraries, which are missing: $missing" >&2
            echo "missiondesk: on Debian or Ubuntu: sudo apt-get install" \
                 "$(cat "$here/share/debian-packages.txt" 2>/dev/null)" >&2
        fi
    fi
    ;;
esac
exec "$here/missiondesk" "$@"

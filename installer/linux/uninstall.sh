#!/bin/sh
# Gỡ Dân vận khéo của người dùng này. Dữ liệu của tổ được GIỮ LẠI.
# Removes this user's Dân vận khéo program, menu entry, icons and command links.
# The team's data ($XDG_DATA_HOME/danvan-desktop, by default ~/.local/share/danvan-desktop)
# is KEPT: delete it yourself only after a backup, if you really mean to.
#
#   sh ~/.local/share/danvan-desktop-app/uninstall.sh
set -eu

APP_ID=vn.hue.danvan-desktop
ICON_SIZES="16 24 32 48 64 128 256"

say() { printf '%s\n' "$@"; }

if [ -z "${HOME:-}" ]; then
    printf 'Lỗi: biến HOME chưa được đặt.\nError: HOME is not set.\n' >&2
    exit 1
fi
case "${XDG_DATA_HOME:-}" in
    /*) DATA_HOME=$XDG_DATA_HOME ;;
    *) DATA_HOME=$HOME/.local/share ;;
esac
APP_DIR="$DATA_HOME/danvan-desktop-app"
BIN_DIR="$HOME/.local/bin"

# Command links: only ours (links through the program folder's `current`, or straight
# into it as the layout before versioned folders made them), never someone else's file.
for name in danvan danvan-desktop; do
    link="$BIN_DIR/$name"
    if [ -L "$link" ]; then
        case "$(readlink "$link")" in
            "$APP_DIR/current/$name" | "$APP_DIR/$name") rm -f "$link" ;;
        esac
    fi
done

rm -f "$DATA_HOME/applications/$APP_ID.desktop"
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$DATA_HOME/applications" >/dev/null 2>&1 || true
fi
for size in $ICON_SIZES; do
    rm -f "$DATA_HOME/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
rm -f "$DATA_HOME/icons/hicolor/scalable/apps/$APP_ID.svg"

# The program folder with every version in it (and what an interrupted install or
# update left beside it): its name is fixed above, so this can never be the data folder.
rm -rf "$APP_DIR" "$APP_DIR".new.* "$APP_DIR".old.*

say "Đã gỡ Dân vận khéo." \
    "Dữ liệu của tổ vẫn được giữ ở $DATA_HOME/danvan-desktop." \
    "Dân vận khéo removed. The team's data is kept in $DATA_HOME/danvan-desktop."

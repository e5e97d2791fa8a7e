#!/bin/sh
# Cài Dân vận khéo cho riêng người dùng này, không cần quyền quản trị (không dùng sudo).
# Installs Dân vận khéo for the current user only, without administrator rights.
#
#   sh install.sh        (run it inside the unpacked folder, as yourself, never with sudo)
#
# Where things go (XDG_DATA_HOME defaults to ~/.local/share):
#   program    $XDG_DATA_HOME/danvan-desktop-app/versions/<version>/, and the symbolic
#              link $XDG_DATA_HOME/danvan-desktop-app/current naming the one in use
#              (swapped atomically; the app's updates switch it the same way)
#   menu       $XDG_DATA_HOME/applications/vn.hue.danvan-desktop.desktop
#   icon       $XDG_DATA_HOME/icons/hicolor/<size>/apps/vn.hue.danvan-desktop.{png,svg}
#   commands   ~/.local/bin/danvan, ~/.local/bin/danvan-desktop (symbolic links)
# The team's data lives in $XDG_DATA_HOME/danvan-desktop/ and is never touched here:
# the program has a folder of its own so that copying, backing up or restoring the
# data folder never drags an old program along, and uninstalling never reaches data.
set -eu

APP_ID=vn.hue.danvan-desktop
ICON_SIZES="16 24 32 48 64 128 256"

say() { printf '%s\n' "$@"; }
fail() {
    printf 'Lỗi: %s\nError: %s\n' "$1" "$2" >&2
    exit 1
}

[ -n "${HOME:-}" ] || fail "biến HOME chưa được đặt." "HOME is not set."
if [ "$(id -u)" = 0 ] && [ -n "${SUDO_USER:-}" ]; then
    fail "đừng chạy bằng sudo: hãy chạy «sh install.sh» bằng tài khoản của bạn." \
        "do not use sudo: run \"sh install.sh\" as yourself."
fi

HERE=$(cd "$(dirname "$0")" && pwd)
SOURCE="$HERE/app"
case "${XDG_DATA_HOME:-}" in
    /*) DATA_HOME=$XDG_DATA_HOME ;;
    *) DATA_HOME=$HOME/.local/share ;; # unset, empty or relative: the spec's default
esac
APP_DIR="$DATA_HOME/danvan-desktop-app"
BIN_DIR="$HOME/.local/bin"
APPS_DIR="$DATA_HOME/applications"
ICON_DIR="$DATA_HOME/icons/hicolor"
ICONS_SOURCE="$SOURCE/_internal/danvan_desktop/resources/icons"

# -- checks before anything is written ------------------------------------------------
if [ ! -x "$SOURCE/danvan-desktop" ] || [ ! -x "$SOURCE/danvan" ]; then
    fail "không thấy chương trình trong $SOURCE: hãy giải nén cả gói rồi chạy install.sh trong thư mục vừa giải nén." \
        "no program found in $SOURCE: unpack the whole archive and run install.sh inside it."
fi

build_info() { sed -n "s/^$1=//p" "$SOURCE/BUILD-INFO" 2>/dev/null | head -n 1; }

# version_below A B: true when version A is lower than version B (numeric, dotted).
version_below() {
    awk -v a="$1" -v b="$2" 'BEGIN {
        n = split(a, x, "."); m = split(b, y, ".")
        for (i = 1; i <= (n > m ? n : m); i++) {
            if ((x[i] + 0) < (y[i] + 0)) exit 0
            if ((x[i] + 0) > (y[i] + 0)) exit 1
        }
        exit 1
    }'
}

wanted_arch=$(build_info arch)
machine_arch=$(uname -m)
if [ -n "$wanted_arch" ] && [ "$wanted_arch" != "$machine_arch" ]; then
    fail "gói này dành cho máy $wanted_arch, máy này là $machine_arch: hãy tải đúng gói." \
        "this package is for $wanted_arch machines, this one is $machine_arch: get the matching package."
fi
wanted_glibc=$(build_info glibc)
if [ -n "$wanted_glibc" ] && command -v getconf >/dev/null 2>&1; then
    machine_glibc=$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}') || machine_glibc=""
    if [ -z "$machine_glibc" ] || version_below "$machine_glibc" "$wanted_glibc"; then
        fail "cần hệ điều hành có glibc $wanted_glibc trở lên (máy này: ${machine_glibc:-không có glibc}): hãy cập nhật hệ điều hành hoặc dùng gói dựng cho bản cũ hơn." \
            "needs glibc $wanted_glibc or newer (this machine: ${machine_glibc:-no glibc}): update the system or use a package built for older systems."
    fi
fi

version=$(build_info version)
case "$version" in
    "" | .* | *[!0-9A-Za-z.+-]*)
        fail "tệp BUILD-INFO của gói không ghi phiên bản hợp lệ («${version}»): hãy tải lại gói." \
            "the package's BUILD-INFO names no valid version (\"${version}\"): download the package again." ;;
esac

# -- the program: versions/<version>/ beside the others, then `current` swapped to it -------
# An install of the layout before versioned folders (the program straight in $APP_DIR)
# gets its new tree built beside it, and the two folders are swapped at the end.
mkdir -p "$DATA_HOME" "$APPS_DIR" "$BIN_DIR"
if [ -e "$APP_DIR" ] && [ ! -d "$APP_DIR/versions" ]; then
    target="$APP_DIR.new.$$"
else
    target="$APP_DIR"
fi
staging="$target/versions/.$version.new.$$"
trap 'rm -rf "$staging" "$APP_DIR.new.$$" "$target/.current.new.$$"' EXIT
mkdir -p "$target/versions"
cp -R -P "$SOURCE" "$staging"
if [ -e "$target/versions/$version" ]; then # the same version again: replaced whole
    mv "$target/versions/$version" "$target/versions/.$version.old.$$"
fi
mv "$staging" "$target/versions/$version"
ln -s "versions/$version" "$target/.current.new.$$" # relative: the folder may move
mv -T -f "$target/.current.new.$$" "$target/current"
cp "$HERE/uninstall.sh" "$target/.uninstall.sh.new.$$"
chmod 755 "$target/.uninstall.sh.new.$$"
mv -f "$target/.uninstall.sh.new.$$" "$target/uninstall.sh"
if [ "$target" != "$APP_DIR" ]; then
    mv "$APP_DIR" "$APP_DIR.old.$$"
    mv "$target" "$APP_DIR"
    rm -rf "$APP_DIR.old.$$"
fi
# Every other version (and what an interrupted install left) goes: this one is whole.
for old in "$APP_DIR/versions"/* "$APP_DIR/versions"/.[!.]*; do
    if [ "$old" != "$APP_DIR/versions/$version" ] && { [ -e "$old" ] || [ -L "$old" ]; }; then
        rm -rf "$old"
    fi
done
PROGRAM_DIR="$APP_DIR/current"

# -- icons in the user's hicolor theme --------------------------------------------------
for size in $ICON_SIZES; do
    mkdir -p "$ICON_DIR/${size}x${size}/apps"
    cp "$ICONS_SOURCE/danvan-desktop-$size.png" "$ICON_DIR/${size}x${size}/apps/$APP_ID.png"
done
mkdir -p "$ICON_DIR/scalable/apps"
cp "$ICONS_SOURCE/danvan-desktop.svg" "$ICON_DIR/scalable/apps/$APP_ID.svg"
touch "$ICON_DIR" # desktops re-read a theme folder whose time changed

# -- the menu entry ---------------------------------------------------------------------
# Exec quoting (Desktop Entry spec): inside double quotes, escape " ` $ \ with a
# backslash; then the string rule doubles every backslash; a literal % is written %%.
exec_value=$(printf '%s' "$PROGRAM_DIR/danvan-desktop" |
    sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g')
exec_value="\"$exec_value\""
case "$APP_DIR" in
    *%*) say "Chú ý: đường dẫn $APP_DIR có dấu %; một số màn hình nền (GNOME) sẽ không mở được ứng dụng từ trình đơn: hãy dùng lệnh danvan-desktop." \
        "Note: the path $APP_DIR holds a %, which some desktops (GNOME) cannot launch from the menu: use the danvan-desktop command." ;;
esac
entry="$APPS_DIR/$APP_ID.desktop"
EXEC_VALUE=$exec_value awk '{
    i = index($0, "@EXEC@")
    if (i > 0) $0 = substr($0, 1, i - 1) ENVIRON["EXEC_VALUE"] substr($0, i + 6)
    print
}' "$HERE/danvan-desktop.desktop" >"$entry.tmp"
chmod 644 "$entry.tmp"
mv "$entry.tmp" "$entry"
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$APPS_DIR" >/dev/null 2>&1 || true
fi

# -- commands on the PATH ---------------------------------------------------------------
for name in danvan danvan-desktop; do
    link="$BIN_DIR/$name"
    if [ -e "$link" ] && [ ! -L "$link" ]; then
        say "Chú ý: $link đã có và không phải liên kết của Dân vận khéo: giữ nguyên." \
            "Note: $link exists and is not our link: left as it is."
        continue
    fi
    ln -sfn "$PROGRAM_DIR/$name" "$link"
done

say "Đã cài Dân vận khéo $version vào $APP_DIR." \
    "Mở ứng dụng từ trình đơn (mục Văn phòng) hoặc gõ lệnh danvan-desktop." \
    "Dữ liệu của tổ nằm ở $DATA_HOME/danvan-desktop (không bị xóa khi gỡ cài đặt)." \
    "Installed Dân vận khéo $version into $APP_DIR; start it from the menu (Office) or with danvan-desktop."
case ":${PATH:-}:" in
    *":$BIN_DIR:"*) ;;
    *) say "Thư mục $BIN_DIR chưa có trong PATH: hãy đăng xuất rồi đăng nhập lại, hoặc gọi $BIN_DIR/danvan." \
        "$BIN_DIR is not on your PATH yet: log out and in again, or call $BIN_DIR/danvan." ;;
esac

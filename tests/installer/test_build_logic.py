"""installer/build.py and bundle_contents.py: the parts that need no PyInstaller run."""

from __future__ import annotations

import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import build  # noqa: E402
import bundle_contents as contents  # noqa: E402


def _elf(path: Path, body: bytes) -> Path:
    path.write_bytes(b"\x7fELF" + body)
    return path


def test_project_version_comes_from_pyproject(tmp_path: Path) -> None:
    """The version is read from [project] of pyproject.toml."""
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\nversion = "1.2.3"\n', encoding="utf-8")
    assert build.project_version(pyproject) == "1.2.3"


@pytest.mark.parametrize(
    "version,expected",
    [
        ("0.1.0", "0.1.0.0"),
        ("1.2", "1.2.0.0"),
        ("0.2.0rc1", "0.2.0.0"),
        ("2.0.1+local7", "2.0.1.0"),
    ],
)
def test_numeric_version_has_four_numbers(version: str, expected: str) -> None:
    """Windows' file version gets four dotted numbers from any PEP 440 version."""
    assert build.numeric_version(version) == expected


def test_required_glibc_is_the_newest_symbol_version(tmp_path: Path) -> None:
    """The newest GLIBC_x.y of any ELF file is what the bundle needs."""
    _elf(tmp_path / "libone.so", b"..GLIBC_2.17\x00GLIBC_2.34\x00..")
    (tmp_path / "sub").mkdir()
    _elf(tmp_path / "sub" / "two", b"GLIBC_2.28\x00GLIBC_2.4\x00GLIBC_PRIVATE\x00")
    assert build.required_glibc(tmp_path) == "2.34"


def test_required_glibc_ignores_files_that_are_not_elf(tmp_path: Path) -> None:
    """A text or data file mentioning GLIBC_9.9 does not count; no ELF means no need."""
    (tmp_path / "notes.txt").write_bytes(b"GLIBC_9.9\x00")
    (tmp_path / "link.so").symlink_to(tmp_path / "notes.txt")
    assert build.required_glibc(tmp_path) is None


def test_required_glibc_compares_numbers_not_text(tmp_path: Path) -> None:
    """2.4 is older than 2.17 (text order would say otherwise)."""
    _elf(tmp_path / "lib.so", b"GLIBC_2.4\x00GLIBC_2.17\x00GLIBC_2.3.4\x00")
    assert build.required_glibc(tmp_path) == "2.17"


def test_build_info_lists_version_arch_and_glibc(tmp_path: Path) -> None:
    """BUILD-INFO is key=value lines, the format install.sh reads."""
    path = build.write_build_info(tmp_path, "0.1.0", "x86_64", "2.36")
    assert path.read_text(encoding="utf-8") == "version=0.1.0\narch=x86_64\nglibc=2.36\n"


def test_linux_package_holds_app_scripts_and_entry(tmp_path: Path) -> None:
    """The tar.gz has app/ (modes and links kept), the two scripts, the entry and a read-me."""
    bundle = tmp_path / "danvan-desktop"
    (bundle / "_internal").mkdir(parents=True)
    program = bundle / "danvan"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    (bundle / "_internal" / "libx.so.1").write_bytes(b"x")
    (bundle / "_internal" / "libx.so").symlink_to("libx.so.1")
    package = build.pack_linux(bundle, tmp_path / "out", "0.1.0", "x86_64")
    assert package.name == "danvan-desktop-0.1.0-linux-x86_64.tar.gz"
    with tarfile.open(package) as archive:
        members = {m.name: m for m in archive.getmembers()}
    top = "danvan-desktop-0.1.0-linux-x86_64"
    for name in ("install.sh", "uninstall.sh", "danvan-desktop.desktop", "README.txt"):
        assert f"{top}/{name}" in members
    assert members[f"{top}/app/danvan"].mode & 0o111 == 0o111
    assert members[f"{top}/install.sh"].mode & 0o111 == 0o111
    assert members[f"{top}/app/_internal/libx.so"].issym()
    assert {(m.uid, m.gid, m.uname) for m in members.values()} == {(0, 0, "")}
    assert not (tmp_path / "out" / f"{package.name}.part").exists()


def test_iscc_gets_the_bundle_and_versions(tmp_path: Path) -> None:
    """ISCC is called with the version, a numeric version, the bundle and the output folder."""
    command = build.iscc_command(Path("ISCC.exe"), tmp_path / "b", tmp_path / "o", "0.2.0rc1")
    assert command[1:5] == [
        "/DAppVersion=0.2.0rc1",
        "/DNumericVersion=0.2.0.0",
        f"/DBundleDir={tmp_path / 'b'}",
        f"/DOutputDir={tmp_path / 'o'}",
    ]
    assert command[-1].endswith("danvan.iss")


def test_resource_folders_all_go_under_the_resources_package() -> None:
    """resources/ and each folder the app reads become danvan_desktop/resources in the bundle."""
    pairs = contents.resource_datas()
    assert [dest for _, dest in pairs] == [
        "danvan_desktop/resources/fonts",
        "danvan_desktop/resources/translations",
        "danvan_desktop/resources/presets",
        "danvan_desktop/resources/handbook",
        "danvan_desktop/resources/regulation",
        "danvan_desktop/resources/icons",
        "danvan_desktop/resources",
        "danvan_desktop/resources",
    ]
    assert pairs[-2][0] == str(ROOT / "resources" / "__init__.py")
    assert pairs[-1][0] == str(ROOT / "resources" / "release_keys.json")


def test_a_missing_resource_folder_stops_the_build(tmp_path: Path) -> None:
    """A checkout without resources/icons cannot make a bundle."""
    for name in contents.RESOURCE_FOLDERS[:-1]:
        (tmp_path / "resources" / name).mkdir(parents=True)
    with pytest.raises(FileNotFoundError, match="resources/icons"):
        contents.resource_datas(tmp_path)


def test_qt_modules_used_include_lazy_imports(tmp_path: Path) -> None:
    """A Qt module imported inside a function counts as used."""
    package = tmp_path / "src" / "danvan_desktop" / "ui"
    package.mkdir(parents=True)
    (package / "x.py").write_text(
        "def f():\n    from PySide6.QtNetwork import QNetworkInformation\n", encoding="utf-8"
    )
    assert contents.qt_modules_used(tmp_path) == ["QtCore", "QtGui", "QtNetwork", "QtWidgets"]


def test_unused_qt_modules_and_the_server_are_excluded(tmp_path: Path) -> None:
    """Compiled Qt modules we never import are excluded, with tkinter and the server stack."""
    pyside = tmp_path / "PySide6"
    pyside.mkdir()
    for name in ("QtCore.abi3.so", "QtGui.abi3.so", "QtQml.abi3.so", "QtSql.pyd", "QtPdf.pyi"):
        (pyside / name).write_bytes(b"")
    excluded = contents.excluded_modules(pyside, ROOT)
    assert "PySide6.QtQml" in excluded
    assert "PySide6.QtSql" in excluded
    assert "PySide6.QtCore" not in excluded
    assert "PySide6.QtPdf" not in excluded  # only a stub: nothing to exclude
    assert {"tkinter", "fastapi", "uvicorn", "sqlalchemy", "psycopg", "danvan_server"} <= set(
        excluded
    )


def test_qt_translations_are_dropped_and_ours_kept() -> None:
    """Qt's catalogues go; resources/translations stays."""
    toc = [
        ("PySide6/Qt/translations/qtbase_de.qm", "/x", "DATA"),
        ("PySide6\\translations\\qt_fr.qm", "/y", "DATA"),
        ("danvan_desktop/resources/translations/qtbase_vi.qm", "/z", "DATA"),
    ]
    assert contents.without_qt_translations(toc) == [toc[2]]


def test_only_laptop_qt_plugins_are_kept() -> None:
    """Embedded-screen plugins and the GTK theme go; X11, Wayland, offscreen and IBus stay."""
    plugins = "PySide6/Qt/plugins"
    kept = [
        f"{plugins}/platforms/libqxcb.so",
        f"{plugins}/platforms/libqwayland.so",
        f"{plugins}/platforms/libqoffscreen.so",
        f"{plugins}/platforms/qwindows.dll",
        f"{plugins}/platformthemes/libqxdgdesktopportal.so",
        f"{plugins}/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
    ]
    dropped = [
        f"{plugins}/platforms/libqeglfs.so",
        f"{plugins}/platforms/libqvnc.so",
        f"{plugins}/platformthemes/libqgtk3.so",
        f"{plugins}/generic/libqevdevmouseplugin.so",
        f"{plugins}/egldeviceintegrations/libqeglfs-x11-integration.so",
    ]
    toc = [(name, "/src", "BINARY") for name in kept + dropped]
    assert [entry[0] for entry in contents.without_unneeded_qt_plugins(toc)] == kept


def test_required_files_name_both_programs_and_every_migration() -> None:
    """A bundle must hold both programs (.exe on Windows) and each SQL migration."""
    windows = contents.required_files(ROOT, "win32")
    assert windows[:2] == ["danvan-desktop.exe", "danvan.exe"]
    linux = contents.required_files(ROOT, "linux")
    migrations = sorted((ROOT / "src/danvan_desktop/store/migrations").glob("*.sql"))
    assert migrations
    for sql in migrations:
        assert f"_internal/danvan_desktop/store/migrations/{sql.name}" in linux


def test_required_files_name_each_qt_module_we_import() -> None:
    """QtNetwork (imported lazily by the sync scheduler) must be in, as .pyd on Windows."""
    assert "_internal/PySide6/QtNetwork.abi3.so" in contents.required_files(ROOT, "linux")
    assert "_internal/PySide6/QtNetwork.pyd" in contents.required_files(ROOT, "win32")


def test_problems_name_missing_and_unwanted_files(tmp_path: Path) -> None:
    """An empty bundle with a stray fastapi folder is reported both ways."""
    (tmp_path / "_internal" / "fastapi").mkdir(parents=True)
    problems = contents.describe_problems(tmp_path, ROOT, "linux")
    assert "missing: danvan-desktop" in problems
    assert "missing: _internal/danvan_desktop/resources/fonts/NotoSans-Regular.ttf" in problems
    assert "should not be bundled: fastapi" in problems

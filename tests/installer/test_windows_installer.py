"""The Windows installer script keeps the settings a no-administrator install depends on.

Inno Setup cannot run here: these tests read installer/windows/danvan.iss and its
Vietnamese messages as recorded text. What needs a real Windows is in
docs/install-windows-checklist.md.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import inno_script as inno
import pytest

ROOT = inno.ROOT
sys.path.insert(0, str(ROOT / "installer"))
import build  # noqa: E402
import bundle_contents  # noqa: E402

APP_ID = "{{6F4B2C1E-8D3A-4E57-9B1C-2A7D5E0F3C84}"  # released: never change it
PER_USER_ROOTS = ("{userpf}\\", "{localappdata}\\")
PER_USER_SHORTCUT_FOLDERS = ("{autoprograms}", "{userprograms}", "{autodesktop}", "{userdesktop}")

# Messages of Inno Setup's Default.isl that Vietnamese.isl leaves in English, each with
# its reason. None: every message is translated (the empty ones stay empty).
LEFT_IN_ENGLISH: dict[str, str] = {}
# The three names the first Vietnamese.isl used, which Inno Setup does not have: Inno
# ignored them with a warning and showed its English text instead.
NAMES_INNO_DOES_NOT_HAVE = (
    "AbortRetryIgnoreChooseAction",
    "AbortRetryIgnoreProceedAnyway",
    "FileAbortRetryIgnoreProceedAnywayNotRecommended",
)
# The bundle's top-level items an upgrade moves aside, as the script names them.
PROGRAM_ITEMS = ("{#ContentsDir}", "{#DesktopExe}", "{#CliExe}", "{#BuildInfo}")


@pytest.fixture(scope="module")
def iss() -> dict[str, list[str]]:
    """The installer script, by section."""
    return inno.sections(inno.read_text(inno.ISS))


@pytest.fixture(scope="module")
def setup(iss: dict[str, list[str]]) -> dict[str, str]:
    """The [Setup] directives."""
    return inno.directives(iss["setup"])


@pytest.fixture(scope="module")
def isl() -> dict[str, list[str]]:
    """Our Vietnamese messages, by section."""
    return inno.sections(inno.read_text(inno.VIETNAMESE_ISL))


@pytest.fixture(scope="module")
def default_isl() -> dict[str, list[str]]:
    """Inno Setup's own English messages (the pinned version's Default.isl), by section."""
    return inno.sections(inno.read_text(inno.DEFAULT_ISL))


@pytest.fixture(scope="module")
def code() -> dict[str, str]:
    """The [Code] section's routines."""
    return inno.routines(inno.sections(inno.read_text(inno.ISS))["code"])


@pytest.fixture(scope="module")
def defines() -> dict[str, str]:
    """The script's ``#define Name "value"`` lines."""
    return dict(re.findall(r'^#define (\w+) "([^"]*)"', inno.read_text(inno.ISS), re.MULTILINE))


def test_setup_never_asks_for_an_administrator(setup: dict[str, str]) -> None:
    """PrivilegesRequired=lowest, and no override that would offer an all-users install."""
    assert setup["privilegesrequired"] == "lowest"
    assert "privilegesrequiredoverridesallowed" not in setup


def test_program_goes_to_the_users_own_programs_folder(setup: dict[str, str]) -> None:
    """DefaultDirName is under {userpf} (= %LOCALAPPDATA%\\Programs) or {localappdata}."""
    assert setup["defaultdirname"].startswith(PER_USER_ROOTS)
    assert setup["defaultdirname"].endswith("\\DanVanKheo")


def test_app_id_is_the_released_one(setup: dict[str, str]) -> None:
    """The AppId is fixed: a changed id would install a second copy instead of upgrading."""
    assert setup["appid"] == APP_ID


def test_installer_targets_64_bit_windows_10_and_later(setup: dict[str, str]) -> None:
    """Qt 6's floor: x64-compatible Windows 10 or 11, installed in 64-bit mode."""
    assert setup["architecturesallowed"] == "x64compatible"
    assert setup["architecturesinstallin64bitmode"] == "x64compatible"
    assert setup["minversion"] == "10.0"


def test_no_registry_write_outside_the_current_user(iss: dict[str, list[str]]) -> None:
    """No [Registry] entry writes under HKLM, HKA or HKCR (the uninstall key is HKCU's)."""
    roots = [entry.get("root", "").upper() for entry in inno.entries(iss.get("registry", []))]
    assert all(root.startswith("HKCU") for root in roots), roots
    script = inno.read_text(inno.ISS)
    code_and_settings = [line for line in script.splitlines() if not line.lstrip().startswith(";")]
    assert not re.search(
        r"HKLM|HKEY_LOCAL_MACHINE|HKCR|HKEY_CLASSES_ROOT", "\n".join(code_and_settings)
    )


def test_shortcuts_go_to_this_users_start_menu_and_desktop(iss: dict[str, list[str]]) -> None:
    """Start-menu shortcut always, desktop shortcut only with its (unchecked) task."""
    icons = inno.entries(iss["icons"])
    assert [icon["name"].split("\\")[0] for icon in icons] == ["{autoprograms}", "{autodesktop}"]
    assert all(icon["name"].startswith(PER_USER_SHORTCUT_FOLDERS) for icon in icons)
    assert icons[1]["tasks"] == "desktopicon"
    tasks = {task["name"]: task for task in inno.entries(iss["tasks"])}
    assert tasks["desktopicon"]["flags"] == "unchecked"


def test_shortcuts_start_the_windowed_program(iss: dict[str, list[str]]) -> None:
    """Every shortcut and the after-install run start danvan-desktop.exe (no console)."""
    script = inno.read_text(inno.ISS)
    exe = re.search(r'#define DesktopExe "([^"]+)"', script)
    assert exe is not None and exe.group(1) == f"{bundle_contents.DESKTOP_PROGRAM}.exe"
    targets = [e["filename"] for e in inno.entries(iss["icons"]) + inno.entries(iss["run"])]
    assert targets == ["{app}\\{#DesktopExe}"] * 3


def test_whole_bundle_is_installed_into_the_app_folder(iss: dict[str, list[str]]) -> None:
    """[Files] copies the PyInstaller folder recursively into {app}."""
    (files,) = inno.entries(iss["files"])
    assert files["source"] == "{#BundleDir}\\*"
    assert files["destdir"] == "{app}"
    assert {"recursesubdirs", "createallsubdirs"} <= set(files["flags"].split())


def test_nothing_is_deleted_before_the_copy(iss: dict[str, list[str]]) -> None:
    """No [InstallDelete]: it runs before the copy and a cancel does not undo it."""
    assert "installdelete" not in iss


def test_upgrade_moves_the_previous_version_aside_before_the_copy(code: dict[str, str]) -> None:
    """At ssInstall every program item of the old bundle is renamed aside, none deleted."""
    step = code["CurStepChanged"]
    at_install = step[step.index("if CurStep = ssInstall then") : step.index("ssPostInstall")]
    assert "MoveEveryItemAside()" in at_install
    assert "DelTree" not in at_install and "RemoveItem" not in at_install
    aside = code["MoveEveryItemAside"]
    assert [aside.count(f"MoveAside('{item}')") for item in PROGRAM_ITEMS] == [1, 1, 1, 1]
    assert "RenameFile(Path, Path + '{#AsideSuffix}')" in code["MoveAside"]


def test_moving_aside_deletes_only_a_leftover_aside_copy(code: dict[str, str]) -> None:
    """MoveAside removes nothing but an old ``.previous`` copy before renaming."""
    assert re.findall(r"RemoveItem\(([^;]*)\);", code["MoveAside"]) == ["Path + '{#AsideSuffix}'"]


def test_a_busy_previous_version_stops_setup_unchanged(code: dict[str, str]) -> None:
    """An item that cannot be moved aside: the others go back, a message, then Abort."""
    step = code["CurStepChanged"]
    busy = step[step.index("if Busy <> '' then") : step.index("ssPostInstall")]
    assert busy.index("MoveEveryItemBack();") < busy.index("PreviousVersionBusy")
    assert busy.index("PreviousVersionBusy") < busy.index("Abort;")


def test_the_previous_version_is_deleted_only_after_success(code: dict[str, str]) -> None:
    """ssPostInstall marks success and removes exactly the items moved aside."""
    step = code["CurStepChanged"]
    after = step[step.index("else if CurStep = ssPostInstall then") :]
    assert "InstallSucceeded := True;" in after
    removed = re.findall(r"RemoveItem\(([^;]*)\);", after)
    assert removed == [f"ProgramItem('{item}') + '{{#AsideSuffix}}'" for item in PROGRAM_ITEMS]


def test_a_cancelled_upgrade_moves_the_previous_version_back(code: dict[str, str]) -> None:
    """DeinitializeSetup (also run after a cancel) restores every item unless it succeeded."""
    deinit = code["DeinitializeSetup"]
    assert "if (AppDir <> '') and not InstallSucceeded then" in deinit
    assert "MoveEveryItemBack();" in deinit
    back = code["MoveEveryItemBack"]
    assert [back.count(f"MoveBack('{item}')") for item in PROGRAM_ITEMS] == [1, 1, 1, 1]
    assert "RenameFile(Path + '{#AsideSuffix}', Path)" in code["MoveBack"]


def test_moved_items_are_the_bundles_top_level(defines: dict[str, str]) -> None:
    """The items moved aside are what PyInstaller and build.py put at the bundle's top."""
    assert defines["ContentsDir"] == bundle_contents.CONTENTS_DIR
    assert defines["DesktopExe"] == f"{bundle_contents.DESKTOP_PROGRAM}.exe"
    assert defines["CliExe"] == f"{bundle_contents.CLI_PROGRAM}.exe"
    assert defines["BuildInfo"] == build.BUILD_INFO
    assert defines["AsideSuffix"] == ".previous"


def test_deletions_in_code_go_through_remove_item(code: dict[str, str]) -> None:
    """Only RemoveItem deletes, so the checks above on its callers cover every deletion."""
    deleting = {name for name, body in code.items() if re.search(r"DelTree|DeleteFile", body)}
    assert deleting == {"RemoveItem"}


def test_uninstaller_deletes_nothing_extra(iss: dict[str, list[str]]) -> None:
    """No [UninstallDelete]: the team's data in AppData\\Local\\danvan-desktop is kept."""
    assert "uninstalldelete" not in iss
    assert "uninstallrun" not in iss


def test_vietnamese_first_then_english(iss: dict[str, list[str]], setup: dict[str, str]) -> None:
    """Vietnamese is listed first and preselected; it layers our messages over Default.isl."""
    languages = inno.entries(iss["languages"])
    assert [lang["name"] for lang in languages] == ["vi", "en"]
    assert languages[0]["messagesfile"] == "compiler:Default.isl,Vietnamese.isl"
    assert languages[1]["messagesfile"] == "compiler:Default.isl"
    assert setup["languagedetectionmethod"] == "none"


def test_custom_messages_exist_in_both_languages(
    iss: dict[str, list[str]], isl: dict[str, list[str]], default_isl: dict[str, list[str]]
) -> None:
    """Every {cm:...} and CustomMessage(...) of the script has a Vietnamese and an English text."""
    script = inno.read_text(inno.ISS)
    used = set(re.findall(r"\{cm:(\w+)", script)) | set(
        re.findall(r"CustomMessage\('(\w+)'\)", script)
    )
    ours = inno.directives(iss["custommessages"])
    vietnamese = inno.messages(isl["custommessages"])
    english = inno.messages(default_isl["custommessages"])
    for name in used:
        in_script = f"vi.{name}".lower() in ours and f"en.{name}".lower() in ours
        from_defaults = name in english and name in vietnamese
        assert in_script or from_defaults, name


def test_script_overrides_only_messages_inno_has(
    iss: dict[str, list[str]], default_isl: dict[str, list[str]]
) -> None:
    """The [Messages] of danvan.iss (en.ConfirmUninstall, ...) are names Inno Setup knows."""
    names = {line.partition("=")[0].partition(".")[2] for line in iss["messages"]}
    assert names == {"ConfirmUninstall", "UninstalledAll"}
    assert names <= set(inno.messages(default_isl["messages"]))


def test_vietnamese_file_declares_the_language(isl: dict[str, list[str]]) -> None:
    """[LangOptions]: Tiếng Việt, language id 0x042A, Unicode."""
    options = inno.directives(isl["langoptions"])
    assert options == {"languagename": "Tiếng Việt", "languageid": "$042A", "languagecodepage": "0"}


def test_default_isl_is_the_pinned_inno_setup(default_isl: dict[str, list[str]]) -> None:
    """The vendored Default.isl is Inno Setup 6.4's (the pinned 6.4.1 ships 6.4.0+ messages)."""
    first_line = inno.read_text(inno.DEFAULT_ISL).splitlines()[0]
    assert first_line == "; *** Inno Setup version 6.4.0+ English messages ***"
    assert inno.INNO_VERSION == "6.4.1"
    assert len(default_isl["messages"]) == 266


@pytest.mark.parametrize("section", ["messages", "custommessages"])
def test_vietnamese_names_only_messages_inno_has(
    isl: dict[str, list[str]], default_isl: dict[str, list[str]], section: str
) -> None:
    """Every message name in Vietnamese.isl exists in Default.isl, once."""
    names = [line.partition("=")[0] for line in isl[section]]
    assert [name for name, count in Counter(names).items() if count > 1] == []
    assert sorted(set(names) - set(inno.messages(default_isl[section]))) == []


@pytest.mark.parametrize("section", ["messages", "custommessages"])
def test_vietnamese_translates_every_message_of_inno(
    isl: dict[str, list[str]], default_isl: dict[str, list[str]], section: str
) -> None:
    """Every message of Default.isl is translated, or listed in LEFT_IN_ENGLISH with a reason."""
    missing = set(inno.messages(default_isl[section])) - set(inno.messages(isl[section]))
    assert missing == set(LEFT_IN_ENGLISH)
    assert all(reason for reason in LEFT_IN_ENGLISH.values())


def test_the_names_inno_does_not_have_are_gone(isl: dict[str, list[str]]) -> None:
    """The three made-up AbortRetryIgnore names are replaced by Inno's own."""
    names = set(inno.messages(isl["messages"]))
    assert names & set(NAMES_INNO_DOES_NOT_HAVE) == set()
    assert {
        "AbortRetryIgnoreSelectAction",
        "AbortRetryIgnoreIgnore",
        "FileAbortRetryIgnoreIgnoreNotRecommended",
    } <= names


@pytest.mark.parametrize("section", ["messages", "custommessages"])
def test_vietnamese_keeps_every_placeholder(
    isl: dict[str, list[str]], default_isl: dict[str, list[str]], section: str
) -> None:
    """Each translation keeps the %1, %n, [name], [mb] and [gb] of the English message."""
    english = inno.messages(default_isl[section])
    for name, text in inno.messages(isl[section]).items():
        assert inno.placeholders(text) == inno.placeholders(english[name]), name


def test_messages_left_empty_by_inno_stay_empty(
    isl: dict[str, list[str]], default_isl: dict[str, list[str]]
) -> None:
    """HelpTextNote, BeveledLabel and the notes Inno leaves empty are empty here too."""
    english = inno.messages(default_isl["messages"])
    empty = {name for name, text in english.items() if not text}
    assert empty == {"HelpTextNote", "AboutSetupNote", "TranslatorNote", "BeveledLabel"}
    vietnamese = inno.messages(isl["messages"])
    assert {name for name, text in vietnamese.items() if not text} == empty


def test_vietnamese_messages_are_written_with_diacritics(isl: dict[str, list[str]]) -> None:
    """The translations are Vietnamese with tone marks, not ASCII stand-ins."""
    texts = [line.partition("=")[2] for line in isl["messages"]]
    assert "Cài đặt" in texts
    assert (
        sum(
            1
            for text in texts
            if re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", text)
        )
        > 100
    )


def test_each_button_has_at_most_one_access_key(isl: dict[str, list[str]]) -> None:
    """A button label has one & (its Alt shortcut) at most."""
    for line in isl["messages"]:
        name, _, text = line.partition("=")
        if name.startswith("Button"):
            assert text.replace("&&", "").count("&") <= 1, name


def test_build_defines_match_the_script() -> None:
    """build.py passes exactly the defines the script declares, and finds its output file."""
    script = inno.read_text(inno.ISS)
    declared = set(re.findall(r"#ifndef (\w+)", script))
    command = build.iscc_command(Path("ISCC.exe"), Path("bundle"), Path("out"), "1.2.3")
    passed = {arg[2:].partition("=")[0] for arg in command if arg.startswith("/D")}
    assert passed == declared == {"AppVersion", "NumericVersion", "BundleDir", "OutputDir"}
    assert "OutputBaseFilename=DanVanKheo-Setup-{#AppVersion}-win64" in script


def test_setup_warns_when_started_as_administrator() -> None:
    """Run elevated (maybe as another account), Setup asks before installing for that account."""
    code = "\n".join(inno.sections(inno.read_text(inno.ISS))["code"])
    assert "function InitializeSetup(): Boolean;" in code
    assert "if IsAdmin() then" in code
    assert "CustomMessage('ElevatedWarning')" in code


def test_the_script_names_files_that_exist() -> None:
    """The icon and the Vietnamese messages the script names are in the repository."""
    setup = inno.directives(inno.sections(inno.read_text(inno.ISS))["setup"])
    icon = (inno.WINDOWS / setup["setupiconfile"].replace("\\", "/")).resolve()
    assert icon == ROOT / "resources" / "icons" / "danvan-desktop.ico"
    assert icon.is_file()
    assert inno.VIETNAMESE_ISL.is_file()

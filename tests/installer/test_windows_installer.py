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

# Recorded from Inno Setup 6's Default.isl: the placeholders of every message our
# Vietnamese file translates ("%n" once per line break). Those are the messages our
# wizard and uninstaller can show.
DEFAULT_MESSAGE_PLACEHOLDERS: dict[str, str] = {
    "SetupAppTitle": "", "SetupWindowTitle": "%1", "UninstallAppTitle": "",
    "UninstallAppFullTitle": "%1", "InformationTitle": "", "ConfirmTitle": "",
    "ErrorTitle": "", "SetupFileMissing": "%1", "SetupFileCorrupt": "",
    "SetupAlreadyRunning": "", "WindowsVersionNotSupported": "",
    "OnlyOnTheseArchitectures": "%n %n %1", "WinVersionTooLowError": "%1 %2",
    "SetupAppRunningError": "%1 %n %n", "UninstallAppRunningError": "%1 %n %n",
    "ErrorCreatingDir": "%1", "ExitSetupTitle": "",
    "ExitSetupMessage": "%n %n %n %n", "AboutSetupMenuItem": "", "AboutSetupTitle": "",
    "ButtonBack": "", "ButtonNext": "", "ButtonInstall": "", "ButtonOK": "",
    "ButtonCancel": "", "ButtonYes": "", "ButtonYesToAll": "", "ButtonNo": "",
    "ButtonNoToAll": "", "ButtonFinish": "", "ButtonBrowse": "", "ButtonWizardBrowse": "",
    "ButtonNewFolder": "", "SelectLanguageTitle": "", "SelectLanguageLabel": "",
    "ClickNext": "", "BrowseDialogTitle": "", "BrowseDialogLabel": "", "NewFolderName": "",
    "WelcomeLabel1": "[name]", "WelcomeLabel2": "[name/ver] %n %n", "WizardSelectDir": "",
    "SelectDirDesc": "[name]", "SelectDirLabel3": "[name]", "SelectDirBrowseLabel": "",
    "DiskSpaceMBLabel": "[mb]", "CannotInstallToNetworkDrive": "",
    "CannotInstallToUNCPath": "", "InvalidPath": "%n %n %n %n %n %n", "InvalidDrive": "",
    "DiskSpaceWarningTitle": "", "DiskSpaceWarning": "%1 %2 %n %n", "DirNameTooLong": "",
    "InvalidDirName": "", "BadDirName32": "%n %n %1", "DirExistsTitle": "",
    "DirExists": "%n %n %1 %n %n", "DirDoesntExistTitle": "",
    "DirDoesntExist": "%n %n %1 %n %n", "WizardSelectTasks": "", "SelectTasksDesc": "",
    "SelectTasksLabel2": "[name]", "WizardReady": "", "ReadyLabel1": "[name]",
    "ReadyLabel2a": "", "ReadyLabel2b": "", "ReadyMemoDir": "", "ReadyMemoTasks": "",
    "WizardPreparing": "", "PreparingDesc": "[name]",
    "PreviousInstallNotCompleted": "%n %n [name]", "CannotContinue": "",
    "ApplicationsFound": "", "ApplicationsFound2": "", "CloseApplications": "",
    "DontCloseApplications": "", "ErrorCloseApplications": "", "WizardInstalling": "",
    "InstallingLabel": "[name]", "FinishedHeadingLabel": "[name]",
    "FinishedLabelNoIcons": "[name]", "FinishedLabel": "[name]", "ClickFinish": "",
    "RunEntryExec": "%1", "RunEntryShellExec": "%1", "SetupAborted": "%n %n",
    "AbortRetryIgnoreChooseAction": "", "AbortRetryIgnoreRetry": "",
    "AbortRetryIgnoreProceedAnyway": "", "AbortRetryIgnoreCancel": "",
    "StatusClosingApplications": "", "StatusCreateDirs": "", "StatusExtractFiles": "",
    "StatusCreateIcons": "", "StatusCreateRegistryEntries": "", "StatusSavingUninstall": "",
    "StatusRunProgram": "", "StatusRestartingApplications": "", "StatusRollback": "",
    "ErrorInternal2": "%1", "ErrorFunctionFailedNoCode": "%1", "ErrorFunctionFailed": "%1 %2",
    "ErrorFunctionFailedWithMessage": "%1 %2 %3 %n", "ErrorExecutingProgram": "%n %1",
    "FileAbortRetryIgnoreSkipNotRecommended": "",
    "FileAbortRetryIgnoreProceedAnywayNotRecommended": "", "SourceIsCorrupted": "",
    "SourceDoesntExist": "%1", "ErrorReadingExistingDest": "", "ErrorCreatingTemp": "",
    "ErrorReadingSource": "", "ErrorCopying": "", "ErrorReplacingExistingFile": "",
    "ErrorRenamingTemp": "", "UninstallDisplayNameMarkCurrentUser": "",
    "UninstallNotFound": "%1", "UninstallOpenError": "%1", "UninstallUnsupportedVer": "%1",
    "ConfirmUninstall": "%1", "OnlyAdminCanUninstall": "", "UninstallStatusLabel": "%1",
    "UninstalledAll": "%1", "UninstalledMost": "%1 %n %n", "UninstallDataCorrupted": "%1",
    "WizardUninstalling": "", "StatusUninstalling": "%1",
    "ShutdownBlockReasonInstallingApp": "%1", "ShutdownBlockReasonUninstallingApp": "%1",
}  # fmt: skip
DEFAULT_CUSTOM_PLACEHOLDERS: dict[str, str] = {
    "NameAndVersion": "%1 %2", "AdditionalIcons": "", "CreateDesktopIcon": "",
    "ProgramOnTheWeb": "%1", "UninstallProgram": "%1", "LaunchProgram": "%1",
}  # fmt: skip


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


def _expected(recorded: str) -> list[str]:
    return sorted(recorded.split())


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


def test_upgrade_clears_the_old_bundle_internals(iss: dict[str, list[str]]) -> None:
    """A new version removes {app}\\_internal first, so no stale Qt plugin lingers."""
    (entry,) = inno.entries(iss["installdelete"])
    assert entry == {"type": "filesandordirs", "name": f"{{app}}\\{bundle_contents.CONTENTS_DIR}"}


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
    iss: dict[str, list[str]], isl: dict[str, list[str]]
) -> None:
    """Every {cm:...} and CustomMessage(...) of the script has a Vietnamese and an English text."""
    script = inno.read_text(inno.ISS)
    used = set(re.findall(r"\{cm:(\w+)", script)) | set(
        re.findall(r"CustomMessage\('(\w+)'\)", script)
    )
    ours = inno.directives(iss["custommessages"])
    vietnamese = inno.directives(isl["custommessages"])
    for name in used:
        in_script = f"vi.{name}".lower() in ours and f"en.{name}".lower() in ours
        from_defaults = name in DEFAULT_CUSTOM_PLACEHOLDERS and name.lower() in vietnamese
        assert in_script or from_defaults, name


def test_vietnamese_file_declares_the_language(isl: dict[str, list[str]]) -> None:
    """[LangOptions]: Tiếng Việt, language id 0x042A, Unicode."""
    options = inno.directives(isl["langoptions"])
    assert options == {"languagename": "Tiếng Việt", "languageid": "$042A", "languagecodepage": "0"}


def test_vietnamese_translates_every_message_the_wizard_shows(isl: dict[str, list[str]]) -> None:
    """Exactly the recorded messages are translated (a typo'd name would be one Inno rejects)."""
    names = [line.partition("=")[0] for line in isl["messages"]]
    assert Counter(names) == Counter(DEFAULT_MESSAGE_PLACEHOLDERS.keys())
    custom = [line.partition("=")[0] for line in isl["custommessages"]]
    assert Counter(custom) == Counter(DEFAULT_CUSTOM_PLACEHOLDERS.keys())


@pytest.mark.parametrize("section,recorded", [
    ("messages", DEFAULT_MESSAGE_PLACEHOLDERS), ("custommessages", DEFAULT_CUSTOM_PLACEHOLDERS),
])  # fmt: skip
def test_vietnamese_keeps_every_placeholder(
    isl: dict[str, list[str]], section: str, recorded: dict[str, str]
) -> None:
    """Each translation keeps the %1, %n, [name] and [mb] of the English message."""
    for line in isl[section]:
        name, _, text = line.partition("=")
        assert inno.placeholders(text) == _expected(recorded[name]), name


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

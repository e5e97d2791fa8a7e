"""The Windows release's build: version resource, build.ps1 and its CI workflow.

Windows cannot run here. What can be checked on Linux is checked: the version file is
parsed by PyInstaller's own reader, the workflow is validated against GitHub's schema
(check-jsonschema's vendored copy, no network), and build.ps1 is read for the traps a
PowerShell script falls into unattended. Running it is the workflow's job
(.github/workflows/windows-release.yml); docs/install-windows-checklist.md says what
has been run where.
"""

from __future__ import annotations

import hashlib
import importlib
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import inno_script as inno
import pytest
import yaml
from packaging.specifiers import SpecifierSet

ROOT = inno.ROOT
sys.path.insert(0, str(ROOT / "installer"))
import build  # noqa: E402
import bundle_contents  # noqa: E402

version_info = importlib.import_module("windows.version_info")

BUILD_PS1 = ROOT / "installer" / "windows" / "build.ps1"
WORKFLOW = ROOT / ".github" / "workflows" / "windows-release.yml"
SPEC = ROOT / "installer" / "danvan.spec"
CHECKLIST = ROOT / "docs" / "install-windows-checklist.md"
FIXTURE_README = ROOT / "tests" / "fixtures" / "inno" / "README.md"
# Console programs build.ps1 runs; each must go through Invoke-Native.
NATIVE_TOOLS = ("python", "py", "pip", "npm", "npx", "tar", "signtool", "iscc", "choco", "git")


@pytest.fixture(scope="module")
def versioninfo() -> ModuleType:
    """PyInstaller's version-file module, importable on Linux.

    It imports ``win32api`` from PyInstaller.compat at the top, which exists on Windows
    only and is used only to write a resource into an .exe, never to read a text file.
    """
    try:
        import PyInstaller.compat as compat
    except ImportError:
        pytest.fail("PyInstaller is missing: .venv/bin/pip install -e '.[build]'")
    if not hasattr(compat, "win32api"):
        compat.win32api = None  # type: ignore[attr-defined]
    try:
        return importlib.import_module("PyInstaller.utils.win32.versioninfo")
    except ImportError as error:
        pytest.fail(f"{error}: .venv/bin/pip install -e '.[dev,build]' (pefile)")


@pytest.fixture(scope="module")
def script() -> str:
    """build.ps1 as text."""
    return BUILD_PS1.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def workflow() -> dict[str, object]:
    """The workflow file, parsed."""
    loaded = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _pinned(script: str, name: str) -> str:
    match = re.search(rf"^\${name} = '([^']+)'", script, re.MULTILINE)
    assert match is not None, name
    return match.group(1)


def _function(script: str, name: str) -> str:
    start = script.index(f"function {name}")
    following = script.find("\nfunction ", start + 1)
    return script[start : following if following != -1 else len(script)]


def _load(versioninfo: ModuleType, tmp_path: Path, program: str, version: str | None) -> object:
    path = version_info.write_version_file(program, tmp_path, version)
    return versioninfo.load_version_info_from_text_file(path)


def test_version_file_parses_with_pyinstallers_reader(
    versioninfo: ModuleType, tmp_path: Path
) -> None:
    """PyInstaller reads the file into a VSVersionInfo carrying 1.2.3.0 for "1.2.3rc1"."""
    info = _load(versioninfo, tmp_path, "danvan-desktop", "1.2.3rc1")
    assert isinstance(info, versioninfo.VSVersionInfo)
    assert (info.ffi.fileVersionMS, info.ffi.fileVersionLS) == ((1 << 16) | 2, 3 << 16)
    assert (info.ffi.productVersionMS, info.ffi.productVersionLS) == ((1 << 16) | 2, 3 << 16)


def test_version_file_carries_the_release_strings(versioninfo: ModuleType, tmp_path: Path) -> None:
    """The Vietnamese (042A, Unicode) string table names the product, version and file."""
    info = _load(versioninfo, tmp_path, "danvan", "1.2.3rc1")
    (table,) = info.kids[0].kids
    strings = {struct.name: struct.val for struct in table.kids}
    assert table.name == "042A04B0"
    assert strings["ProductName"] == "Dân vận khéo"
    assert strings["FileVersion"] == strings["ProductVersion"] == "1.2.3rc1"
    assert strings["OriginalFilename"] == "danvan.exe"
    assert info.kids[1].kids[0].kids == [0x042A, 1200]


def test_version_file_defaults_to_the_project_version(
    versioninfo: ModuleType, tmp_path: Path
) -> None:
    """Without a version given, the file carries pyproject.toml's."""
    info = _load(versioninfo, tmp_path, "danvan-desktop", None)
    strings = {struct.name: struct.val for struct in info.kids[0].kids[0].kids}
    assert strings["ProductVersion"] == build.project_version()


@pytest.mark.parametrize("version", ["0.1.0", "0.2.0rc1", "1.10.3.post2", "2.0"])
def test_version_numbers_are_the_ones_inno_setup_gets(version: str) -> None:
    """The programs' numbers equal the NumericVersion build.py passes to ISCC."""
    numbers = version_info.version_numbers(version)
    assert ".".join(str(n) for n in numbers) == build.numeric_version(version)


def test_both_programs_have_a_description() -> None:
    """A description for each program the bundle holds, and no other."""
    programs = {bundle_contents.DESKTOP_PROGRAM, bundle_contents.CLI_PROGRAM}
    assert set(version_info.DESCRIPTIONS) == programs


def test_spec_embeds_the_version_resource_on_windows_only() -> None:
    """danvan.spec's EXE(...) gets the written file on Windows and None elsewhere."""
    spec = SPEC.read_text(encoding="utf-8")
    assert 'version=__import__("windows.version_info").version_info.write_version_file(' in spec
    assert ') if sys.platform == "win32" else None,' in spec


def test_workflow_is_valid_against_githubs_schema() -> None:
    """check-jsonschema's built-in GitHub workflow schema accepts the file."""
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema"]
    result = subprocess.run(
        [*command, "vendor.github-workflows", str(WORKFLOW)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_schema_check_rejects_a_job_without_a_runner(tmp_path: Path) -> None:
    """The same check fails on the workflow with its runs-on removed (it really checks)."""
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "runs_on:"))
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema"]
    result = subprocess.run(
        [*command, "vendor.github-workflows", str(broken)], capture_output=True, text=True
    )
    assert result.returncode == 1


def test_workflow_runs_build_ps1_on_a_hosted_windows_runner(workflow: dict[str, object]) -> None:
    """One job on windows-2022 runs build.ps1 with pwsh, the signing secrets in its env."""
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    (job,) = jobs.values()
    assert job["runs-on"] == "windows-2022"
    (step,) = [step for step in job["steps"] if "run" in step]
    assert (step["shell"], step["run"]) == ("pwsh", "./installer/windows/build.ps1")
    assert step["env"] == {
        "SIGN_CERT_PFX": "${{ secrets.SIGN_CERT_PFX }}",
        "SIGN_CERT_PASSWORD": "${{ secrets.SIGN_CERT_PASSWORD }}",
    }


def test_workflow_python_is_the_one_build_ps1_pins(
    workflow: dict[str, object], script: str
) -> None:
    """setup-python installs exactly the Python build.ps1 requires."""
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    (job,) = jobs.values()
    (python,) = [
        s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/setup-python")
    ]
    assert python["with"]["python-version"] == _pinned(script, "PythonVersion") == "3.11.9"


def test_build_script_stops_on_the_first_error(script: str) -> None:
    """Stop on errors and strict mode are set before the first command runs."""
    first_function = script.index("\nfunction ")
    assert script.index("$ErrorActionPreference = 'Stop'") < first_function
    assert script.index("Set-StrictMode -Version Latest") < first_function


def test_native_programs_run_only_through_the_checking_helpers(script: str) -> None:
    """No bare native command line; the call operator and Start-Process only in the helpers."""
    lines = [line.strip() for line in script.splitlines()]
    bare = [line for line in lines if line.split(" ")[0].lower() in NATIVE_TOOLS]
    assert bare == []
    invoke_native = _function(script, "Invoke-Native")
    invoke_waited = _function(script, "Invoke-Waited")
    outside = script.replace(invoke_native, "").replace(invoke_waited, "")
    assert re.findall(r"^\s*& ", outside, re.MULTILINE) == []
    assert "Start-Process" not in outside


def test_the_helpers_check_every_exit_code(script: str) -> None:
    """Invoke-Native tests $LASTEXITCODE after the call; Invoke-Waited the process's code."""
    invoke_native = _function(script, "Invoke-Native")
    call = invoke_native.index("& $FilePath @ArgumentList")
    assert invoke_native.index("if ($LASTEXITCODE -ne 0) {") > call
    assert "throw" in invoke_native[call:]
    invoke_waited = _function(script, "Invoke-Waited")
    assert "Wait = $true; PassThru = $true" in invoke_waited
    assert "if ($process.ExitCode -ne 0) {" in invoke_waited


def test_build_script_is_ascii(script: str) -> None:
    """ASCII only: Windows PowerShell 5.1 reads a BOM-less file in the ANSI code page."""
    assert script.isascii()


def test_pyinstaller_pin_satisfies_pyproject(script: str) -> None:
    """The pinned PyInstaller is one the build extra allows."""
    with (ROOT / "pyproject.toml").open("rb") as fh:
        (requirement,) = tomllib.load(fh)["project"]["optional-dependencies"]["build"]
    allowed = SpecifierSet(requirement.removeprefix("pyinstaller"))
    assert _pinned(script, "PyInstallerVersion") in allowed


def test_inno_setup_pin_is_the_vendored_default_isl(script: str) -> None:
    """build.ps1 installs the Inno Setup whose Default.isl the message tests use."""
    assert _pinned(script, "InnoSetupVersion") == inno.INNO_VERSION
    vendored = hashlib.sha256(inno.DEFAULT_ISL.read_bytes()).hexdigest()
    assert _pinned(script, "InnoDefaultIslSha256") == vendored
    readme = FIXTURE_README.read_text(encoding="utf-8")
    assert f"`{_pinned(script, 'InnoSetupNpmSha256')}`" in readme
    assert f"`{vendored}`" in readme
    assert f"Inno Setup {inno.INNO_VERSION}" in CHECKLIST.read_text(encoding="utf-8")


def test_signing_happens_only_with_a_certificate(script: str) -> None:
    """SIGN_CERT_PFX and SIGN_CERT_PASSWORD select signing; without them a clear line says so."""
    certificate = _function(script, "Get-SigningCertificate")
    assert "$env:SIGN_CERT_PFX" in certificate
    assert "$env:SIGN_CERT_PASSWORD" in certificate
    assert "Signing: SKIPPED, no certificate given (SIGN_CERT_PFX is not set)" in script
    signing = _function(script, "Invoke-Sign")
    assert "-Secret" in signing  # the password never reaches the log
    assert "'verify', '/pa'" in signing


def test_install_test_is_silent_per_user_and_checks_the_data_is_kept(script: str) -> None:
    """Silent per-user install into a folder, both self-tests, silent uninstall, data kept."""
    assert (
        "$setupArgs = @('/VERYSILENT', '/SUPPRESSMSGBOXES', '/NORESTART', '/CURRENTUSER', "
        '"/DIR=$InstallDir")' in script
    )
    assert "Invoke-Native (Join-Path $InstallDir 'danvan.exe') @('--self-test')" in script
    assert "Invoke-Waited (Join-Path $InstallDir 'danvan-desktop.exe') @('--self-test')" in script
    assert "Invoke-Waited (Join-Path $InstallDir 'unins000.exe') @('/VERYSILENT'" in script
    assert "(Get-Sha256 $store) -ne $before" in script


def test_build_script_knows_the_released_app_id(script: str) -> None:
    """The uninstall key it checks is the one the setup's fixed AppId makes."""
    setup = inno.directives(inno.sections(inno.read_text(inno.ISS))["setup"])
    app_id = setup["appid"].replace("{{", "{")
    assert _pinned(script, "AppId") == f"{app_id}_is1"

"""The wheel carries everything the programs read: built, installed in a fresh venv, run.

pip builds the wheel without build isolation (setuptools and wheel come from the dev
extra) from a copy of the checkout's build inputs, so the build leaves no ``build/``
folder in the working tree; the wheel is installed with ``--no-deps --no-index`` into a
new virtual environment in a temporary folder. The dependencies come from this test's
own environment through a ``.pth`` file naming its site-packages: a folder named in a
``.pth`` file is appended to ``sys.path``, but the ``.pth`` files inside that folder are
not processed, so the checkout's editable install (a ``.pth`` there) does not leak in.
Every command runs from a temporary folder, with a clean environment (no PYTHONPATH).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from danvan_desktop.core.i18n import load_ts_file

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
PHU_XUAN = "19768"
QUARTER = ("--period", "quarter", "--quarter", "1", "--year", "2026")
MAGIC = {"docx": b"PK\x03\x04", "xlsx": b"PK\x03\x04", "pdf": b"%PDF-"}
MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
UI_FONT = "Noto Sans"  # ui.look.UI_FONT_FAMILY

pytestmark = pytest.mark.slow  # builds a wheel and a virtual environment (~10 s)


@dataclass(frozen=True)
class Installed:
    """The wheel installed in a fresh venv, and how to run its programs."""

    venv: Path
    site_packages: Path
    cwd: Path
    data_dir: Path
    env: dict[str, str]

    @property
    def bin(self) -> Path:
        return self.venv / ("Scripts" if os.name == "nt" else "bin")

    def run(self, program: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        """Run one of the venv's programs (``python``, ``danvan``) from the temporary cwd."""
        return subprocess.run(
            [str(self.bin / program), *args],
            cwd=self.cwd,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
            check=False,
        )

    def danvan(self, *args: str) -> subprocess.CompletedProcess[str]:
        """``danvan --data-dir D --lang en ARGS`` as installed by the wheel."""
        return self.run("danvan", "--data-dir", str(self.data_dir), "--lang", "en", *args)


def _copy_build_inputs(target: Path) -> Path:
    """The files the build reads (top-level files, src/, resources/), without caches."""
    target.mkdir()
    for path in ROOT.iterdir():
        if path.is_file():
            shutil.copy2(path, target / path.name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in ("src", "resources"):
        shutil.copytree(ROOT / name, target / name, ignore=ignore)
    return target


def _check(*command: str | Path, cwd: Path) -> str:
    """Run a set-up command; its output, or a failure showing what it said."""
    args = [str(part) for part in command]
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The wheel, built once, installed in a new venv next to a team's data folder."""
    base = tmp_path_factory.mktemp("wheel")
    source = _copy_build_inputs(base / "source")
    pip = (sys.executable, "-m", "pip")
    dist = base / "dist"
    _check(*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", dist, source, cwd=base)
    (wheel,) = dist.glob("danvan_desktop-*.whl")

    venv = base / "venv"
    _check(sys.executable, "-m", "venv", "--without-pip", venv, cwd=base)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _check(*pip, "--python", python, "install", "-q", "--no-deps", "--no-index", wheel, cwd=base)
    query = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site_packages = Path(_check(python, "-c", query, cwd=base).strip())
    ours = sysconfig.get_paths()
    (site_packages / "test-dependencies.pth").write_text(
        "\n".join(dict.fromkeys((ours["purelib"], ours["platlib"]))) + "\n", encoding="utf-8"
    )

    cwd = base / "cwd"
    cwd.mkdir()
    home = base / "home"
    home.mkdir()
    env = {
        "PATH": os.pathsep.join([str(python.parent), os.defpath]),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        **{name: os.environ[name] for name in ("SYSTEMROOT", "TMPDIR") if name in os.environ},
    }
    made = Installed(venv, site_packages, cwd, base / "data", env)
    team = ("--village", "Tổ dân phố 5", "--team", "Tổ dân vận tổ dân phố 5")
    init = made.danvan("init", "--commune", PHU_XUAN, *team, "--leader", "Nguyễn Văn An")
    assert init.returncode == 0, init.stderr
    return made


def _an_english_message(catalogue: str, context: str) -> tuple[str, str]:
    """One (Vietnamese source, English translation) of ``context`` without placeholders."""
    table = load_ts_file(RESOURCES / "translations" / catalogue)
    return next(
        (source, english)
        for (ctx, source), english in table.items()
        if ctx == context and "{" not in source
    )


def test_the_program_comes_from_the_wheel(installed: Installed) -> None:
    """danvan_desktop and danvan_server are the venv's copies, not the checkout's src/."""
    done = installed.run(
        "python", "-c", "import danvan_desktop, danvan_server; print(danvan_desktop.__file__)"
    )
    assert done.returncode == 0, done.stderr
    package = Path(done.stdout.strip())
    assert package.is_relative_to(installed.site_packages)
    assert not package.is_relative_to(ROOT)


def test_the_resources_are_the_installed_package(installed: Installed) -> None:
    """resources_dir() is danvan_desktop/resources inside the venv, as importlib.resources
    sees it."""
    query = (
        "import importlib.resources as r; from danvan_desktop.core.paths import resources_dir; "
        "print(resources_dir()); print(r.files('danvan_desktop.resources'))"
    )
    done = installed.run("python", "-c", query)
    assert done.returncode == 0, done.stderr
    ours, theirs = done.stdout.split()
    assert Path(ours) == installed.site_packages / "danvan_desktop" / "resources"
    assert Path(theirs) == Path(ours)


def test_every_resource_file_is_installed(installed: Installed) -> None:
    """Fonts, translations (.ts and .qm), presets, handbook, regulation and icons all travel."""
    folder = installed.site_packages / "danvan_desktop" / "resources"
    for kind, pattern in (
        ("fonts", "*.ttf"),
        ("fonts", "*-LICENSE.txt"),
        ("translations", "*_en.ts"),
        ("translations", "*.qm"),
        ("presets", "*.json"),
        ("handbook", "*.md"),
        ("handbook", "index.json"),
        ("regulation", "*.md"),
        ("icons", "*.png"),
    ):
        assert list((folder / kind).glob(pattern)), f"no {kind}/{pattern} in the wheel"
    expected = {
        path.relative_to(RESOURCES)
        for path in RESOURCES.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    missing = sorted(str(name) for name in expected if not (folder / name).is_file())
    assert not missing, f"missing from the wheel (pyproject.toml package-data): {missing}"


def test_the_wheel_carries_the_licence_and_the_notices(installed: Installed) -> None:
    """LICENSE (the GPL-3.0) and THIRD-PARTY-NOTICES are in .dist-info/licenses, and the
    notices are the package data the About dialog reads."""
    (dist_info,) = installed.site_packages.glob("danvan_desktop-*.dist-info")
    licence = (dist_info / "licenses" / "LICENSE").read_text(encoding="utf-8")
    assert licence.split("\n", 1)[0].strip() == "GNU GENERAL PUBLIC LICENSE"
    assert (dist_info / "licenses" / "resources" / "THIRD-PARTY-NOTICES.txt").is_file()
    query = "from danvan_desktop.core.build_info import read_notices; print(read_notices()[:60])"
    done = installed.run("python", "-c", query)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].endswith(": third-party notices")


def test_the_installed_version_shows(installed: Installed) -> None:
    """``danvan --version`` of the wheel prints the version, and no commit (no checkout)."""
    done = installed.run("danvan", "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"danvan {_project_version()}"


def _project_version() -> str:
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def test_every_file_of_src_is_in_the_wheel(installed: Installed) -> None:
    """Every module and data file (the SQL migrations) of every package under src/ travels.

    pyproject.toml lists the packages by hand: a new one must not be left out.
    """
    expected = sorted(
        path.relative_to(ROOT / "src")
        for path in (ROOT / "src").rglob("*")
        if path.is_file()
        and path.suffix != ".pyc"
        and not any(part == "__pycache__" or part.endswith(".egg-info") for part in path.parts)
    )
    assert any(path.suffix == ".sql" for path in expected)
    missing = [str(path) for path in expected if not (installed.site_packages / path).is_file()]
    assert not missing, f"missing from the wheel ([tool.setuptools] in pyproject.toml): {missing}"


def test_check_speaks_english(installed: Installed) -> None:
    """``danvan --lang en check`` reads the English catalogue from the installed package."""
    done = installed.danvan("check")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Data is sound (quick_check)."


@pytest.mark.parametrize("fmt", ["docx", "pdf", "xlsx"])
def test_export_writes_every_format(installed: Installed, fmt: str) -> None:
    """A quarter's report is written in each format, with the bundled fonts and presets."""
    out = installed.cwd / f"out-{fmt}"
    out.mkdir()
    done = installed.danvan(
        "export", "periodic-report", *QUARTER, "--format", fmt, "--to", str(out), "--name", "bc"
    )
    assert done.returncode == 0, done.stderr
    path = out / f"bc.{fmt}"
    assert done.stdout.startswith(f"Wrote {path} (")
    data = path.read_bytes()
    assert data.startswith(MAGIC[fmt])
    if fmt in MAIN_PART:
        with zipfile.ZipFile(path) as archive:
            assert MAIN_PART[fmt] in archive.namelist()


def test_the_server_answers_in_english(installed: Installed) -> None:
    """danvan_server.messages finds the English catalogue in the installed package."""
    source, english = _an_english_message("server_en.ts", "server")
    script = (
        "import sys\n"
        "from danvan_server.messages import language_of, say\n"
        "print(say(language_of('en-GB,en;q=0.9'), sys.argv[1]))\n"
    )
    done = installed.run("python", "-c", script, source)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == english


def test_the_window_gets_its_font_and_english(installed: Installed) -> None:
    """ui.look registers Noto Sans and loads every ui*_en.qm from the installed package."""
    context = "AppController"
    source, english = _an_english_message("ui_en.ts", context)
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from danvan_desktop.ui import look\n"
        "app = QApplication([])\n"
        "print(look.register_fonts(app))\n"
        "look.Translations(app).apply('en')\n"
        "print(QApplication.translate(sys.argv[1], sys.argv[2]))\n"
    )
    done = installed.run("python", "-c", script, context, source, QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [UI_FONT, english]

"""Fixtures for the reports tests: rendered samples, and the external tools that read them."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from report_tools import require_program

from danvan_desktop.reports.registry import render
from danvan_desktop.reports.sample_documents import SAMPLES

RenderedFile = Callable[[str, str], Path]


@pytest.fixture(scope="session")
def rendered_file(tmp_path_factory: pytest.TempPathFactory) -> RenderedFile:
    """Render a sample (by name) to a format once per test session; return the file."""
    folder = tmp_path_factory.mktemp("rendered")
    made: dict[tuple[str, str], Path] = {}

    def get(sample: str, fmt: str) -> Path:
        if (sample, fmt) not in made:
            path = folder / f"{sample}.{fmt}"
            path.write_bytes(render(SAMPLES[sample](), fmt))
            made[(sample, fmt)] = path
        return made[(sample, fmt)]

    return get


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., list[Path]]:
    """Convert files headless with LibreOffice in a throw-away profile; return the outputs."""
    profile = tmp_path_factory.mktemp("lo-profile")

    def convert(target: str, out_dir: Path, *files: Path) -> list[Path]:
        soffice = require_program("soffice", "libreoffice-writer libreoffice-calc")
        done = subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                target,
                "--outdir",
                str(out_dir),
                *map(str, files),
            ],
            capture_output=True,
            timeout=300,
            check=False,
        )
        errors = done.stderr.decode("utf-8", "replace")
        assert done.returncode == 0 and "Error" not in errors, errors
        extension = target.split(":")[0]
        return [out_dir / f"{path.stem}.{extension}" for path in files]

    return convert

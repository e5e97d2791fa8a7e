"""Render the sample documents as PNG pages: ``python -m danvan_desktop.reports.samples DIR``.

Writes ``<sample>-<page>.png`` for every page of each sample's PDF (poppler's
``pdftoppm`` draws them), and with ``--keep`` the DOCX, PDF and XLSX files too.
``--with-docx`` also draws the DOCX pages through headless LibreOffice
(``<sample>-docx-<page>.png``), to compare the two layouts by eye. A developer
tool for docs/reports; the application itself never runs these programs.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from danvan_desktop.core.errors import DanvanError
from danvan_desktop.core.i18n import tr
from danvan_desktop.reports.registry import render
from danvan_desktop.reports.sample_documents import SAMPLES

DEFAULT_DPI = 72


def _require(program: str, package: str) -> str:
    found = shutil.which(program)
    if found is None:
        raise DanvanError(
            tr(
                "ReportSamples",
                "Không tìm thấy chương trình {program}. Hãy cài gói {package} rồi chạy lại.",
                program=program,
                package=package,
            )
        )
    return found


def pdf_to_pngs(pdf: Path, prefix: Path, dpi: int) -> list[Path]:
    """Draw every page of a PDF as prefix-<page>.png; return the files made."""
    pdftoppm = _require("pdftoppm", "poppler-utils")
    subprocess.run([pdftoppm, "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True)
    return sorted(prefix.parent.glob(f"{prefix.name}-*.png"))


def docx_to_pdf(docx: Path, out_dir: Path, profile: Path) -> Path:
    """Convert a DOCX to PDF with headless LibreOffice in a throw-away profile."""
    soffice = _require("soffice", "libreoffice-writer")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out_dir / f"{docx.stem}.pdf"


def make_samples(out_dir: Path, *, dpi: int = DEFAULT_DPI, keep: bool = False,
                 with_docx: bool = False) -> list[Path]:  # fmt: skip
    """Render every sample into out_dir; return the files written there."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="danvan-samples-") as scratch_name:
        scratch = Path(scratch_name)
        for name, build in SAMPLES.items():
            document = build()
            files = {fmt: scratch / f"{name}.{fmt}" for fmt in ("docx", "pdf", "xlsx")}
            for fmt, path in files.items():
                path.write_bytes(render(document, fmt))
            for old in out_dir.glob(f"{name}-*.png"):
                old.unlink()
            written += pdf_to_pngs(files["pdf"], out_dir / name, dpi)
            if with_docx:
                converted = docx_to_pdf(files["docx"], scratch / "lo", scratch / "profile")
                written += pdf_to_pngs(converted, out_dir / f"{name}-docx", dpi)
            if keep:
                for path in files.values():
                    written.append(Path(shutil.copy2(path, out_dir / path.name)))
    return written


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--dpi", type=int, default=DEFAULT_DPI)
    parser.add_argument("--keep", action="store_true", help="also keep DOCX, PDF and XLSX")
    parser.add_argument("--with-docx", action="store_true", help="also draw DOCX pages")
    args = parser.parse_args(argv)
    try:
        written = make_samples(args.out_dir, dpi=args.dpi, keep=args.keep,
                               with_docx=args.with_docx)  # fmt: skip
    except (DanvanError, subprocess.CalledProcessError) as error:
        print(error, file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

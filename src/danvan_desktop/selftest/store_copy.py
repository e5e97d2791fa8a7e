"""Self-test of a release about to be installed: a copy of the team's store opened by it.

``danvan --self-test-store FOLDER`` (updates/switch.py runs it with the NEW version
before ``current`` is swapped) runs the whole self-test and then this check: the
Session opens the copy of the store in ``FOLDER`` (this version's migrations run on
the copy, never on the live store), and SQLite's full integrity check and the
foreign-key check pass on the migrated copy.
"""

from __future__ import annotations

from pathlib import Path

from danvan_desktop.core.i18n import tr
from danvan_desktop.core.selftest_outcome import Outcome, failed, passed
from danvan_desktop.selftest.documents import describe

STORE_FILE = "danvan.sqlite3"


def check_store_copy(folder: Path) -> Outcome:
    """Open the store copy in ``folder`` with this version (migrating it) and check it whole."""
    from danvan_desktop.session import Session

    if not (Path(folder) / STORE_FILE).is_file():
        return passed(tr("SelfTest", "bản sao dữ liệu của tổ: chưa có dữ liệu để thử"))
    try:
        session = Session.open(Path(folder))
        try:
            report = session.check(full=True)
        finally:
            session.close()
    except Exception as error:  # any failure is the check's answer, not a crash
        text = tr("SelfTest", "bản sao dữ liệu của tổ: {error}", error=describe(error))
        return failed(text)
    if not report.ok:
        problems = "; ".join(report.problems[:3])
        return failed(tr("SelfTest", "bản sao dữ liệu của tổ: {problems}", problems=problems))
    return passed(tr("SelfTest", "bản sao dữ liệu của tổ: mở được, nâng cấp và kiểm tra đều tốt"))

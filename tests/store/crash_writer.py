"""Child process for the crash test: saves records in a loop and reports each save.

A line ``saved <id>`` is printed (and flushed) only after ``save`` returned, so
the parent knows which saves were acknowledged when it kills this process.
"""

from __future__ import annotations

import sys
from pathlib import Path

from danvan_desktop.session import Session


def main() -> None:
    """Open the store given on the command line and save models until killed."""
    session = Session.open(Path(sys.argv[1]))
    prefix = sys.argv[2]
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        result = session.add_model(
            name=f"Mô hình {prefix}-{i} đường làng sáng – xanh – sạch – đẹp",
            field_code="new_rural",
            year=2026,
            content="Nhân dân hiến đất, góp ngày công làm đường bê tông. " * 20,
        )
        if i % 3 == 0:
            session.update_model(result.record_id or "", scope=f"Thôn {i}")
        print(f"saved {result.record_id}", flush=True)


if __name__ == "__main__":
    main()

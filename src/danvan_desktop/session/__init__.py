"""The facade the UI and the CLI call (DESIGN.md: session/).

One module per area (models, meetings, team, handbook, exemplars, reports, sync,
bundles) over ``base`` (the store, generic records, settings); ``facade`` composes
them into ``Session``. Callers import from here: ``from danvan_desktop.session
import Session``.
"""

from __future__ import annotations

from danvan_desktop.session.facade import Session
from danvan_desktop.session.result import Result

__all__ = ["Result", "Session"]

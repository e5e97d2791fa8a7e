"""The map a team is set up on: the provinces and their communes (post-2025 two levels).

The first-run wizard and ``danvan communes`` choose the team's place from these;
store/places.py reads them from the ``vietnam-provinces`` package on first use.
"""

from __future__ import annotations

from danvan_desktop.store.places import HUE_PROVINCE_CODE, Place, communes_of, provinces

__all__ = ["HUE_PROVINCE_CODE", "Place", "communes_of", "provinces"]

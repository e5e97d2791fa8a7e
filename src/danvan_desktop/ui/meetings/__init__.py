"""Cuộc họp: the meeting list, the minutes editor and its panels, drafts that autosave."""

"""Widgets shared by several areas.

Form pieces (the date editor, error lines), record tables, charts, the highlight
delegate, the job dialog and the USB target pickers.
"""

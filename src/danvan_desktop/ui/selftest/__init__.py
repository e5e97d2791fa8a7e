"""The window's part of ``danvan-desktop --self-test`` (Qt): see ``window.py``."""

"""Dialogs shared by several pages (exporting a document onto a USB stick)."""

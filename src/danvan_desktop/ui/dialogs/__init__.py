"""Dialogs shared by several pages: exporting a document onto a USB stick, USB sync
bundles, the list of model fields, and the base of the dialogs that run a long job."""

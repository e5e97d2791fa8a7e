"""Đồng bộ: the server, enrollment, background sync, its log, conflicts and USB bundles."""

"""Cài đặt: language, backups and the data folder."""

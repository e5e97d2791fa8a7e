"""Dân vận khéo Desktop."""

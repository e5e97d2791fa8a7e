"""Provincial server."""

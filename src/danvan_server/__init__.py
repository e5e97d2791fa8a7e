"""City server."""

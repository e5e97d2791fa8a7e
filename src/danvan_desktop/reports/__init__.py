"""reports box."""

"""core box."""

"""ui box."""

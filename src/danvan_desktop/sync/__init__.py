"""sync box."""

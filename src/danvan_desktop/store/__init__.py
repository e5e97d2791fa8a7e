"""store box."""

"""Tests of the provincial server (danvan_server)."""

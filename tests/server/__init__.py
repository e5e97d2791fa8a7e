"""Tests of the city's server (danvan_server)."""

"""Shared test tools: the slow-link proxy that stands in for a mountain 2G link."""

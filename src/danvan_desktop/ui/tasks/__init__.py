"""Nhiệm vụ: every task from every meeting, and a task given outside a meeting."""

"""Quy chế: the team's regulation, and the reminders it makes (meetings, reviews due)."""

"""Tổng quan: the team's figures at a glance and what is due."""

"""Tổ dân vận: the roster and a member's form."""

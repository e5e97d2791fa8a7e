"""Sổ tay: the handbook's topics, its reader and its search."""

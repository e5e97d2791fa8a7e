"""Hòa giải: the mediation cases the team took part in, their parties and outcomes."""

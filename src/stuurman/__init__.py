"""Stuurman: the integrated social domain of a municipality or region."""

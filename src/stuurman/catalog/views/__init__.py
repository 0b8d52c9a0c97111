"""Catalogue pages. Every view declares its access policy (stuurman.privacy.declarations)."""

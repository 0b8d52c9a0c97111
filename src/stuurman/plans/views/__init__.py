"""The plan pages, one module per concern; each view declares its access policy."""

"""Deterministic Jakarta demo dataset (pure Python: no Flask, no database)."""

"""Harvesting, loading, cleaning and splitting the corpus of real code."""

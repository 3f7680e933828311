"""Checklists as data: the TOML model, loading and checking it, variants and installing.

Uses files and the model; never the drafts store or the record's validation.
"""

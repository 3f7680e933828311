"""The record and its parts: field types, the record model, field paths, error text.

No files, no terminal, no checklist: everything above builds on this.
"""

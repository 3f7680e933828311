"""What a record needs by its checklist: validation, the lifecycle and state, the report.

Uses the checklist, files and the model; pure, no files written.
"""

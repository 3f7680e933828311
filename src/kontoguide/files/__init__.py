"""Files a user names or shares: safe readers, atomic writes, the home folder.

Uses the model (its errors); knows nothing of checklists or drafts.
"""

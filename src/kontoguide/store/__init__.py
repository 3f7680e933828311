"""The drafts on disk: the store, its locks and migrations, and drafts made from answers.

Uses the rules, the checklist, files and the model.
"""

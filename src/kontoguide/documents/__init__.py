"""The document of a record: its model, Word and Markdown, the base document, export.

python-docx is imported only where a Word document is written. A peer of the
questionnaire and the overview.
"""

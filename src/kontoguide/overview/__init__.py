"""Reading a folder of records for the communication function: rules, report, formats.

A peer of the questionnaire and the documents; its terminal view is in terminal.
"""

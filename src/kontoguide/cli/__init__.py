"""The command line: Typer registration, what each command does, help and usage text.

The top layer: it may use every other one; nothing imports it but the entry point.
"""

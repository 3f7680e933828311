"""The terminal: questionary and rich adapters, plain mode, views, wrapping, output.

The only layer that imports questionary, prompt_toolkit or rich.
"""

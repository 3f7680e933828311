"""The questionnaire engine and the conversation, without a terminal.

Driven through the Asker and Screen protocols; uses the store and everything below it.
A peer of documents and overview: none of the three imports another.
"""

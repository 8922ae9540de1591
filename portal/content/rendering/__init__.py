"""Markdown to sanitised HTML in one pass, with what the portal reads from a page's shape."""

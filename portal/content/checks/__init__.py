"""The editors' publishing gate: checks on loaded content, reported by `manage.py check`."""

"""Live preview for editors, development only (DEBUG): see apps.py and middleware.py."""

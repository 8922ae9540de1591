"""The editors' desk: drafts in the database, a second person's sign-off, publish through git.

Mounted only where PORTAL_DESK=1 (see portal/settings.py). Module map:
pages.py (which file a section and slug name, refusing anything else), content.py (the
Library as the files are now, and a draft's page checked and rendered inside it),
front_matter_edits.py (sign-off and change notes written into a draft's text), drafts.py
(saving with versions and conflicts), publishing.py (sign-off, atomic write, git commit,
release), history.py (git log of a page), audit.py, roles.py, views.py and auth_views.py.
"""

"""Hardening that Django and our libraries do not already give: request limits, security.txt,
privacy-preserving log records, and a deploy check for the security contact."""

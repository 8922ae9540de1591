"""The HTTP face of the portal: home, sections, topics, contacts, errors and the topics API."""

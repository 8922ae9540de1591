"""content/ folder to an immutable Library: reading, checking front matter, linking pieces."""

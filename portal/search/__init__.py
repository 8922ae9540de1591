"""Full-text search over the Library: index, query normalising, HTML and JSON views."""

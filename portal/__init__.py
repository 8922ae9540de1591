"""Information portal about secondary (metastatic) breast cancer."""

"""The content model: reads content/ once, validates it, renders and sanitises it. No HTTP here."""

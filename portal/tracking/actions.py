"""Placeholder: asking what is happening, escalating and withdrawing (issue 6)."""

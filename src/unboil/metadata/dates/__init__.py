"""Dates: ``parse`` reads a date out of text, ``candidates`` finds where a page states
one, ``choose`` decides between them and ``reconcile`` checks a stamp against the page."""

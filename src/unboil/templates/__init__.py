"""Site templates: what a site repeats on its pages, learned from a folder of them (issue 11).

:mod:`.sites` says which site a page belongs to and which saves are one page.
"""

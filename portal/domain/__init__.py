"""The pure domain core: the law of children's social care complaints as plain Python.

Nothing in this package imports Flask, SQLAlchemy or does I/O (tests/test_domain_purity.py
enforces it), so it can be read, reasoned about and tested on its own.
"""

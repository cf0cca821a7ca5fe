"""ReportLint benchmark suite: ``python -m tests.bench [--quick] [--out FILE]``.

Scripts that print figures (one row per figure: name, value, unit, target,
pass/miss) and write them to ``tests/bench/results.json`` with machine info.
Not part of the pytest run (see ``conftest.py``); targets are goals, never
assertions.  ``corpus`` builds the documents, ``run`` measures.
"""

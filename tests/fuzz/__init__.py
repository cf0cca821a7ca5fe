"""Fuzzing the readers, rules and writers with mutations of the project's own fixtures (``python -m tests.fuzz``)."""

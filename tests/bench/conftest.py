"""Keep pytest out of the benchmark scripts: they are run with ``python -m tests.bench``."""

collect_ignore_glob = ["*.py"]

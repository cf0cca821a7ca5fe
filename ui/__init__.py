"""The PySide6 editor (next milestone).  It only shows and routes: every decision
is made by the Qt-free core in ``linting/``."""

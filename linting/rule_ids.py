"""Every rule id, declared once at the bottom of the package (ids are a public contract: never rename one).

The passes that emit findings for several rules (the outline, the series pass) take their ids from
here, the configuration checks ``[rules]`` keys against :data:`ALL`, and the registry refuses a
rule whose id is not listed, so a typo fails at import instead of silently dropping findings.
"""

from __future__ import annotations

#: Ids the outline pass (``linting/outline.py``) may emit; reported by ``rules/headings.py``.
OUTLINE: frozenset[str] = frozenset(
    {
        "heading-skip",
        "heading-duplicate",
        "heading-order",
        "heading-style-mixed",
        "heading-level-jump",
        "heading-punctuation",
        "heading-outline-level",
    }
)

#: Ids the series pass (``rules/ordinals.py``) may emit.
SERIES: frozenset[str] = frozenset(
    {"ordinal-skip", "ordinal-duplicate", "ordinal-order", "ordinal-mixed", "ordinal-nested", "count-mismatch"}
)

#: Rules that report on their own (one rule, one check).
OTHERS: frozenset[str] = frozenset(
    {
        "placeholder",
        "halfwidth-punct",
        "unbalanced-pair",
        "missing-section",
        "section-order",
        "punct-doubled",
        "sentence-period",
        "doc-number-brackets",
        "toc-mismatch",
        "duplicate-word",
    }
)

#: Every rule id.
ALL: frozenset[str] = OUTLINE | SERIES | OTHERS

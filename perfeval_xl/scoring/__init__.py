"""Scoring schemes and re-scoring (核定).

Public API:

- :func:`load_scheme` / :class:`SchemeError` / :func:`builtin_scheme_names`:
  schemes as data (built-in TOML files under ``schemes/`` or a user file);
- :func:`resolve_scheme`: which scheme scores a project (评价方式, else
  ``--scheme``, else inferred from the weights) and a note for the reviewer;
- :func:`score_project`: the 核定 of every indicator, the funds block, the
  核定总分 and 等次, as :class:`perfeval_xl.scheme.ProjectScore`;
- :func:`assess_indicator`: one indicator in detail; :func:`assess_project`:
  all of a project's, computed once (shared by scoring and the XC5xx rules).

Pure functions over the model; no I/O except reading scheme files.
"""

from perfeval_xl.scoring.assessment import (
    EQUAL,
    POSITIVE,
    QUALITATIVE,
    REVERSE,
    Assessment,
)
from perfeval_xl.scoring.indicator import (
    assess_indicator,
    assess_project,
    indicator_kind,
)
from perfeval_xl.scoring.load import (
    SchemeError,
    builtin_scheme_names,
    load_scheme,
    parse_scheme,
)
from perfeval_xl.scoring.project import funds_score, score_project
from perfeval_xl.scoring.resolve import (
    FROM_FORM,
    FROM_OVERRIDE,
    INFERRED,
    infer_scheme,
    resolve_scheme,
)

__all__ = [
    "EQUAL",
    "POSITIVE",
    "QUALITATIVE",
    "REVERSE",
    "FROM_FORM",
    "FROM_OVERRIDE",
    "INFERRED",
    "Assessment",
    "SchemeError",
    "assess_indicator",
    "assess_project",
    "builtin_scheme_names",
    "funds_score",
    "indicator_kind",
    "infer_scheme",
    "load_scheme",
    "parse_scheme",
    "resolve_scheme",
    "score_project",
]

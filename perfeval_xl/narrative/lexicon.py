"""The subject lexicon (``lexicon.toml``) loaded into plain data.

The words live in TOML so a reviewer can extend them without reading code;
this module only gives them types.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Subject:
    key: str  # budget, arrived, spent, …
    label: str  # Chinese, for messages
    kind: str  # money | rate | score | grade
    keywords: tuple[str, ...]
    weak: tuple[str, ...] = ()  # name the subject loosely: the figure is LOW confidence


@dataclass(frozen=True)
class Lexicon:
    subjects: dict[str, Subject]
    blockers: tuple[str, ...]
    harmless: tuple[str, ...]
    elsewhere: tuple[str, ...]
    fillers: tuple[str, ...]
    owner_endings: tuple[str, ...]
    owner_exact: tuple[str, ...]
    owner_adverbs: tuple[str, ...]
    indicator_aliases: tuple[str, ...]
    populations: tuple[str, ...]
    completion_claims: tuple[str, ...]
    completion_negations: tuple[str, ...]
    completion_qualifiers: tuple[str, ...]
    partial_marks: tuple[str, ...]
    completion_followers: tuple[str, ...]
    roles: dict[str, tuple[str, ...]]
    not_keywords: tuple[str, ...] = ()  # 转移支付 holds 支付 but is not a payment

    def keyword_index(self) -> list[tuple[str, Subject]]:
        """(keyword, subject) pairs, longest keyword first."""
        pairs = [(kw, s) for s in self.subjects.values() for kw in s.keywords + s.weak]
        return sorted(pairs, key=lambda p: -len(p[0]))

    def masked(self, text: str) -> str:
        """``text`` with the words that only look like keywords blanked out (same length)."""
        for word in self.not_keywords:
            text = text.replace(word, "□" * len(word))
        return text


@cache
def load_lexicon() -> Lexicon:
    """The packaged lexicon (read once)."""
    data = tomllib.loads(resources.files(__package__).joinpath("lexicon.toml").read_text("utf-8"))
    subjects = {
        key: Subject(key, s["label"], s["kind"], tuple(s["keywords"]), tuple(s.get("weak", ())))
        for key, s in data["subjects"].items()
    }
    completion = data["completion"]
    return Lexicon(
        subjects=subjects,
        blockers=tuple(data["blockers"]["words"]),
        harmless=tuple(data["blockers"].get("harmless", ())),
        elsewhere=tuple(data["blockers"].get("elsewhere", ())),
        fillers=tuple(sorted(data["fillers"]["words"], key=len, reverse=True)),
        owner_endings=tuple(data["owners"]["endings"]),
        owner_exact=tuple(data["owners"]["exact"]),
        owner_adverbs=tuple(sorted(data["owners"]["adverbs"], key=len, reverse=True)),
        indicator_aliases=tuple(data["indicator_aliases"]["words"]),
        populations=tuple(data["indicator_aliases"].get("populations", ())),
        completion_claims=tuple(completion["claims"]),
        completion_negations=tuple(completion["negations"]),
        completion_qualifiers=tuple(completion["qualifiers"]),
        partial_marks=tuple(completion["partial_marks"]),
        completion_followers=tuple(completion["claim_followers"]),
        roles={key: tuple(words) for key, words in data["roles"].items()},
        not_keywords=tuple(data.get("not_keywords", {}).get("words", ())),
    )

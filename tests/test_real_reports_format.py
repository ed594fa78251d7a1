"""The real-report corpus (tests/fixtures/real_reports/, format in its README)
is well formed: every file is in its split's manifest and back, every figure
is found in its paragraph as written, subjects, roles and checks are from the
README's lists, and ids are unique over both splits. A malformed truth file
would punish the tool, so this runs before any benchmark trusts the corpus."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parent / "fixtures" / "real_reports"
SPLITS = ("holdout", "tuned", "fresh")
SUBJECTS = {
    "initial_budget", "full_year_budget", "budget", "arrived", "spent", "balance", "execution_rate",
    "arrival_rate", "total_score", "grade", "count_level1", "count_level2", "count_level3",
    "indicator_value", "indicator_score", "indicator_deduction", "unit_price", "other",
}  # fmt: skip
ROLES = {"actual", "total", "part", "target", "maximum", "earlier", "approximate"}
CHECKS = {
    "report_vs_form", "deduction_vs_score", "same_figure_twice", "rate_vs_amounts", "unit_price_times_count",
    "count_vs_list", "spent_over_arrived", "balance", "parts_vs_total",
}  # fmt: skip
KINDS = {"单位自评", "部门评价", "财政评价", "部门整体"}


def _manifest(split: str) -> list[dict]:
    path = ROOT / split / "manifest.toml"
    if not path.exists():
        return []
    return tomllib.loads(path.read_text("utf-8")).get("reports", [])


def _reports():
    for split in SPLITS:
        for entry in _manifest(split):
            yield pytest.param(split, entry, id=f"{split}/{entry.get('id')}")


def test_manifests_and_files_agree():
    ids: list[str] = []
    for split in SPLITS:
        listed = {e["id"] for e in _manifest(split)}
        on_disk = {p.stem for p in (ROOT / split).glob("*.toml") if p.name != "manifest.toml"}
        assert listed == on_disk, f"{split}: manifest and files differ: {sorted(listed ^ on_disk)}"
        ids.extend(listed)
    assert len(ids) == len(set(ids)), "an id is used in both splits"
    urls = [e["url"] for split in SPLITS for e in _manifest(split)]
    assert len(urls) == len(set(urls)), "one source written up twice"


@pytest.mark.parametrize("split,entry", list(_reports()))
def test_report_is_well_formed(split: str, entry: dict):
    assert entry["kind"] in KINDS
    assert str(entry["url"]).startswith("http")
    data = tomllib.loads((ROOT / split / f"{entry['id']}.toml").read_text("utf-8"))
    assert data["id"] == entry["id"]
    paragraphs = data["paragraphs"]
    assert paragraphs and all(isinstance(p, str) and p.strip() for p in paragraphs)
    assert ("form" in data) == bool(entry["has_form"]), "has_form says whether [form] is there"
    for f in data.get("figures", []):
        where = f"figure {f.get('text')!r} in paragraph {f.get('para')}"
        assert 1 <= f["para"] <= len(paragraphs), where
        assert paragraphs[f["para"] - 1].count(f["text"]) >= f.get("nth", 1), where + " is not written there"
        assert f["subject"] in SUBJECTS, where
        if f["subject"] != "other":
            assert f.get("role") in ROLES, where
        if f["subject"].startswith("indicator_"):
            assert f.get("indicator"), where + " names no indicator"
    for inc in data.get("inconsistencies", []):
        assert inc["check"] in CHECKS
        assert inc["severity"] in ("error", "warning")
        assert inc.get("arithmetic"), "an inconsistency shows its arithmetic"
        for text in inc.get("figures", []):
            assert any(text in paragraphs[p - 1] for p in inc["paras"]), f"{text!r} not in paragraphs {inc['paras']}"
    assert bool(data.get("inconsistencies")) == bool(entry["inconsistent"])

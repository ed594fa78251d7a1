"""The catalog keeps its promises: every rule is documented, named after its
file, and has a fixture with at least one pass and one fail case."""

import re

import pytest

from perfeval_xl.rules import all_rules
from perfeval_xl.rules._base import DOC_SECTIONS
from tests import rulekit

RULES = all_rules()


def test_catalog_is_not_empty():
    assert len(RULES) >= 8


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_rule_module_is_named_after_its_id(r):
    module = r.module.rsplit(".", 1)[-1]
    assert module.startswith(r.id.lower() + "_"), f"{r.id} lives in {module}"
    assert re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)+", r.name), f"{r.id} name {r.name!r} is area.problem"


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_rule_documents_why_when_reported_when_passing(r):
    for section in DOC_SECTIONS:
        assert re.search(rf"^{section}[：:]", r.doc, re.M), f"{r.id} docstring lacks {section}"
    assert r.title and r.doc.splitlines()[0].strip()


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_rule_has_fixture_with_pass_and_fail_cases(r):
    path = rulekit.RULE_FIXTURES / f"{r.id}.toml"
    assert path.exists(), f"{r.id} has no fixture {path.name}"
    fixture = rulekit.load_rule_fixture(path)
    assert fixture.get("rule") == r.id
    names = list(fixture.get("cases", {}))
    assert any(n.startswith("pass") for n in names), f"{r.id} fixture has no pass_ case"
    assert any(n.startswith("fail") for n in names), f"{r.id} fixture has no fail_ case"


def test_every_fixture_belongs_to_a_rule():
    ids = {r.id for r in RULES}
    orphans = [p.stem for p in rulekit.RULE_FIXTURES.glob("*.toml") if p.stem not in ids]
    assert not orphans


SEVERITY_POLICY = rulekit.FIXTURES.parent.parent / "docs" / "严重程度.md"


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_severity_policy_lists_the_rule_at_its_default_severity(r):
    rows = {
        cells[1]: cells[2]
        for line in SEVERITY_POLICY.read_text("utf-8").splitlines()
        if (cells := [c.strip() for c in line.split("|")]) and len(cells) > 3 and re.fullmatch(r"XC\d{3}", cells[1])
    }
    assert rows.get(r.id) == r.severity.label, f"docs/严重程度.md lists {r.id} as {rows.get(r.id)}"

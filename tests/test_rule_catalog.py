"""The catalog keeps its promises: every rule is documented, named after its
file, written in the catalog's one style, and has a fixture with at least one
pass and one fail case."""

import ast
import inspect
import re
import sys
import typing

import pytest

from perfeval_xl.findings import Severity
from perfeval_xl.model import Project
from perfeval_xl.rules import all_rules
from perfeval_xl.rules._base import DOC_SECTIONS, RuleContext
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


def _module_tree(r) -> ast.Module:
    return ast.parse(inspect.getsource(sys.modules[r.module]))


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_rule_module_opens_with_its_id_and_problem(r):
    doc = ast.get_docstring(_module_tree(r)) or ""
    assert re.match(rf"{r.id}: \S", doc), f"{r.module} docstring should start '{r.id}: <the problem>', has {doc!r}"


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_rule_is_a_typed_check_function(r):
    assert r.func.__name__ == "check", f"{r.id} declares {r.func.__name__}(), the catalog calls it check()"
    hints = typing.get_type_hints(r.func)
    assert list(inspect.signature(r.func).parameters) == ["project", "ctx"]
    assert hints == {"project": Project, "ctx": RuleContext, "return": type(None)}, f"{r.id} check() hints {hints}"


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_rule_declares_its_severity_by_name(r):
    declared = [
        keyword.value
        for node in ast.walk(_module_tree(r))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "rule"
        for keyword in node.keywords
        if keyword.arg == "severity"
    ]
    assert len(declared) == 1, f"{r.id}: one @rule(severity=...) per module"
    literal = declared[0]
    assert isinstance(literal, ast.Constant) and literal.value in {s.value for s in Severity}, (
        f"{r.id} severity is written {ast.unparse(literal)}; the catalog writes \"error\" / \"warning\" / \"info\""
    )


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_every_function_of_a_rule_module_is_type_hinted(r):
    untyped = [
        node.name
        for node in ast.walk(_module_tree(r))
        if isinstance(node, ast.FunctionDef)
        and (node.returns is None or any(a.annotation is None for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs))
    ]
    assert not untyped, f"{r.module}: {untyped} lack type hints"


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

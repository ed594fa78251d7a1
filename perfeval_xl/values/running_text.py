"""Figures inside running text (report paragraphs): Arabic, full-width and
Chinese numerals with their unit, normalised with :class:`~decimal.Decimal`.

Unlike a cell, a sentence holds many figures among words, so this module
finds them (:func:`find_quantities`) rather than reading one whole value;
Chinese numerals go through :func:`~perfeval_xl.values.numerals.spoken_numeral`,
the cell parser's grammar with the spoken leading 一 left out (十万元).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from perfeval_xl.values.numerals import spoken_numeral

_FULL_WIDTH = str.maketrans("０１２３４５６７８９％", "0123456789%")
_CN_DIGITS = "零〇一二两三四五六七八九"
# A numeral ends in a digit or 十百千 (六十|万元), or in 万/亿 when the unit repeats it (一万|万元).
CHINESE_NUMERAL = rf"[{_CN_DIGITS}十百千万亿]*(?:[{_CN_DIGITS}十百千]|[万亿](?=[万亿]元))(?:点[{_CN_DIGITS}]+)?"
ARABIC_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# a small count written either way (11个二级指标, 十一个二级指标)
COUNT_NUMBER = rf"(?:\d+(?:\.\d+)?|{CHINESE_NUMERAL})"

# Units we treat as claims, longest first so 万元 wins over 元.
MONEY_UNITS = {"亿元": Decimal(10000), "万元": Decimal(1), "元": Decimal("0.0001")}
_UNITS = [
    "亿元", "万元", "元", "%", "分", "个百分点", "个月", "个", "家", "人次", "人", "户", "次", "项", "所", "名", "场",
    "件", "台", "套", "天", "篇", "期", "平方米", "立方米", "㎡", "公里", "千米", "米", "亩", "吨", "公斤", "千克", "辆",
    "册", "株", "座", "间", "处", "份", "课时", "学时", "小时", "批", "村", "盏", "张", "床", "例", "艘", "头", "只", "本",
    "条", "粒", "口", "周岁", "岁", "日", "平方公里", "公顷", "平米", "km", "栋", "幢", "段", "块", "类", "字",
]
# Units that follow only an Arabic number: with a Chinese numeral they are words (一段时间, 二类地区, 八字方针).
_ARABIC_ONLY = {"段", "类", "字", "km"}
# 分 not followed by 钟/之/别/配/析/类 (五十分钟, 分配, 分析 are not scores); 个 not the start of 个人/个体.
_GUARDS = {"分": "(?![钟之别配析类期批项])", "个": "(?![人体性别])", "条": "(?![件例款])", "本": "(?![级级单年项次])",
           "处": "(?![理置室])", "只": "(?![是有要能])", "头": "(?![部])", "张": "(?![贴])", "间": "(?![隔])",
           "期": "(?![间限末初])", "批": "(?![复准示])", "村": "(?![民级])", "名": "(?![称单义])",
           "米": "(?![饭粉面])", "段": "(?![落时])", "块": "(?![钱])", "类": "(?![型别似])", "口": "(?![径岸号罩腔])", "日": "(?![期常均])"}
_UNIT_RE = "|".join(re.escape(u) + _GUARDS.get(u, "") for u in _UNITS)
# 1200余人, 60多万元: the number is not exact (its role is approximate)
_APPROX_INSIDE = "余多"

QUANTITY = re.compile(
    rf"(?P<pct>百分之(?P<pctnum>{CHINESE_NUMERAL}))"
    # 29.6万，执行数29.6万: 万元 written without 元 (kept only where the sentence is about money)
    rf"|(?<![\d.])(?P<wan>{ARABIC_NUMBER})万(?=[，,。；;、）)]|$)"
    rf"|(?<![\d.])(?P<num>{ARABIC_NUMBER})\s*(?P<approx>[{_APPROX_INSIDE}])?(?P<mult>万(?!元)|亿(?!元))?"
    rf"(?P<approx2>[{_APPROX_INSIDE}])?"  # 7万余户
    rf"\s*(?P<unit>{_UNIT_RE})"
    rf"|(?P<cn>{CHINESE_NUMERAL})(?P<cnapprox>[{_APPROX_INSIDE}])?(?P<cnunit>{_UNIT_RE})"
)
_MULTIPLIER = {"万": Decimal(10000), "亿": Decimal(100_000_000)}


_FULL_WIDTH_POINT = re.compile(r"(?<=\d)．(?=\d)")
_WHITESPACE = re.compile(r"\s+")


@lru_cache(maxsize=16_384)  # indicator names and labels come back for every rule and every form
def normalise_text(text: str) -> str:
    """Full-width digits to ASCII, and whitespace removed (pasted Word text
    breaks ``0万 元`` and ``提质增 效`` with stray spaces)."""
    text = text.translate(_FULL_WIDTH)
    text = _FULL_WIDTH_POINT.sub(".", text)
    return _WHITESPACE.sub("", text)


@dataclass(frozen=True)
class Quantity:
    """A number with its unit as written, and where it sits in the text."""

    value: Decimal  # money in 万元, percentages as a fraction, others as written
    unit: str  # 万元 for any money, % for any percentage, else the unit written
    start: int
    end: int
    text: str
    decimals: int | None = None  # decimals shown (of the percentage for rates)
    approximate: bool = False  # 1200余人, 60多万元


_MONEY_WORDS = re.compile(r"资金|经费|预算|支出|执行数|拨付|投入|下达|安排|万元|元")


def _about_money(text: str, pos: int) -> bool:
    """Is the sentence before ``pos`` about money (投入资金29.6万, not 参与人数1.2万)?"""
    start = max((text.rfind(c, 0, pos) for c in "。；;！？\n"), default=-1) + 1
    return _MONEY_WORDS.search(text[start:pos]) is not None


def count_value(text: str) -> Decimal | None:
    """A count matched by :data:`COUNT_NUMBER`: ``'11'`` or ``'十一'``."""
    return Decimal(text) if text[0].isdigit() else spoken_numeral(text)


def _decimals(number: str) -> int:
    return len(number.partition(".")[2])


def _starts_a_noun(text: str, end: int) -> bool:
    """Does a word follow (一批商贸中心) or close a name (（一期）), rather than the count ending its clause (指示牌一块。)?"""
    nxt = text[end : end + 1]
    return nxt == "）" or nxt == ")" or ("\u4e00" <= nxt <= "\u9fff" and nxt not in "的")


def _names_a_phase(text: str, m, unit: str) -> bool:
    """工程（二期）: the phase is part of the project's name."""
    return unit == "期" and text[max(m.start() - 1, 0) : m.start()] in ("（", "(") and text[m.end() : m.end() + 1] in ("）", ")")


def find_quantities(text: str) -> list[Quantity]:
    """Every number-with-unit in ``text`` (already :func:`normalise_text`-ed).
    Ordinals (第3名) are not quantities."""
    return list(_remembered_quantities(text)) if len(text) <= _REMEMBERED_TEXT else _quantities(text)


# The same sentence is searched again for every figure in it, and reports filled from
# one model repeat their paragraphs from file to file: a worker keeps the answers
# (Quantity is frozen; each caller gets a list of its own). Sentences are a few dozen
# characters; a long paragraph is not kept, so the memory stays a few MB.
_REMEMBERED_TEXT = 1_000


@lru_cache(maxsize=4_096)
def _remembered_quantities(text: str) -> tuple[Quantity, ...]:
    return tuple(_quantities(text))


def _quantities(text: str) -> list[Quantity]:
    found: list[Quantity] = []
    for m in QUANTITY.finditer(text):
        if text[max(0, m.start() - 1) : m.start()] == "第":
            continue
        approximate = bool(m.group("approx") or m.group("approx2") or m.group("cnapprox"))
        if m.group("wan"):
            if _about_money(text, m.start()):
                raw = m.group("wan")
                found.append(Quantity(Decimal(raw.replace(",", "")), "万元", m.start(), m.end(), m.group(0), _decimals(raw)))
            continue
        if m.group("unit") == "日" and "月" in text[max(0, m.start() - 6) : m.start()]:
            continue  # 12月30日, 12月6日至8日 are dates; 30日内 is a period
        if m.group("pct"):
            value = spoken_numeral(m.group("pctnum"))
            if value is not None:
                found.append(Quantity(value / 100, "%", m.start(), m.end(), m.group(0), _decimals(str(value))))
            continue
        if m.group("num"):
            raw, unit = m.group("num"), m.group("unit")
            try:
                value = Decimal(raw.replace(",", ""))
            except InvalidOperation:
                continue
            shown = _decimals(raw)
            if m.group("mult"):
                value *= _MULTIPLIER[m.group("mult")]  # 1.2万人
        else:
            raw, unit = m.group("cn"), m.group("cnunit")
            if len(raw) == 1 and raw in "十百千万亿" and unit not in MONEY_UNITS:
                continue  # 十分重要, 百家: wording, not a quantity
            if unit in _ARABIC_ONLY or (raw == "一" and _starts_a_noun(text, m.end())) or _names_a_phase(text, m, unit):
                continue  # 升级改造一批商贸中心, 一名学生, 工程（二期）: an article or a name, not a count
            value = spoken_numeral(raw)
            if value is None:
                continue
            shown = len(raw.partition("点")[2])
        if unit in MONEY_UNITS:
            found.append(Quantity(value * MONEY_UNITS[unit], "万元", m.start(), m.end(), m.group(0), shown, approximate))
        elif unit == "%":
            found.append(Quantity(value / 100, "%", m.start(), m.end(), m.group(0), shown, approximate))
        else:
            unit = {"㎡": "平方米", "平米": "平方米", "千米": "公里", "km": "公里"}.get(unit, unit)
            found.append(Quantity(value, unit, m.start(), m.end(), m.group(0), shown, approximate))
    return found


# 总分/得分 written without 分 (自评得分：98), and amounts whose unit the paragraph declares once
# (项目资金（万元）：年初预算数64.8): a bare number right after such a word
_BARE_NUMBER = re.compile(r"(?<![\d.,A-Za-z])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?=$|[，,。；;）)、\s])")
_BARE_SCORE_BEFORE = re.compile(r"(?:得分|评分|总分|自评分数?)[：:为]?$")
_BARE_MONEY_BEFORE = re.compile(r"(?:预算数|执行数|预算|支出|到位|结余|拨付)(?:[（(][A-Z][）)])?[：:为]?$")
_DECLARED_UNIT = re.compile(r"[（(](万元|元|亿元)[）)]|单位[：:](万元|元|亿元)")


def declared_unit(text: str) -> str | None:
    """The money unit a paragraph declares once (项目资金（万元）：…, 单位：元)."""
    declared = _DECLARED_UNIT.search(text)
    return (declared.group(1) or declared.group(2)) if declared else None


def bare_quantities(text: str, carried: str | None = None) -> list[Quantity]:
    """Numbers written without a unit that the words before them give one:
    ``自评得分：98`` (分), ``年初预算数64.8`` in a paragraph that says ``（万元）`` once
    (or, ``carried``, whose paragraph before said it: ``其中：当年财政拨款年初预算数64.8``)."""
    unit = declared_unit(text) or carried
    found = []
    for m in _BARE_NUMBER.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        if _BARE_SCORE_BEFORE.search(before):
            value, shown_unit = Decimal(m.group(0).replace(",", "")), "分"
        elif unit and _BARE_MONEY_BEFORE.search(before):
            value, shown_unit = Decimal(m.group(0).replace(",", "")) * MONEY_UNITS[unit], "万元"
        else:
            continue
        found.append(Quantity(value, shown_unit, m.start(), m.end(), m.group(0), len(m.group(0).partition(".")[2])))
    return found

"""Units as clerks write them after a figure, and what they scale money by.

Kept apart from the number grammar so the lists can grow without touching it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

# Units the forms actually use (seed, standards §3 计量单位). A figure may carry
# any of these, including after a Chinese numeral (六十万元, 二十家).
KNOWN_UNITS = frozenset(
    """万元 元 亿元 千元 万 亿 % ‰ 分 家 人 个 次 天 户 项 件 套 台 辆 所 座 条 场 期 批 篇 份 本 名 位
    年 月 日 周 小时 分钟 人次 户次 家次 亩 公顷 公里 千米 米 平方米 立方米 吨 公斤 千克 元/人 元/户
    个百分点 处 栋 间 张 册 棵 株 头 只 盏 块 所次 班 课时 学时 km m ㎡ m2 m3 kg t""".split()
)

# Money expressed in 万元, the unit of the model (see model.py).
TO_WAN = {
    "元": Decimal("0.0001"),
    "千元": Decimal("0.1"),
    "万元": Decimal(1),
    "万": Decimal(1),  # '60万' in a money cell means 60万元
    "亿元": Decimal(10000),
    "亿": Decimal(10000),
}

SCALE = {"万": Decimal(10000), "亿": Decimal(100000000)}

# A unit written after Arabic digits that is not in KNOWN_UNITS is still
# accepted when it is a short run of letters/CJK (公顷次, 套/户 ...), unless it
# carries words that make the figure approximate, a range or a comparison.
_GENERIC_UNIT = re.compile(
    r"^[A-Za-z\u4e00-\u9fff/²³]{1,4}$"
    # a rate: 元/平方米, 元/m2 (㎡ after NFKC), 万元/公里, 元/人·月
    r"|^[A-Za-z\u4e00-\u9fff]{1,3}/[A-Za-z\u4e00-\u9fff·]{1,5}[23²³]?$"
)
APPROXIMATE = ("约", "左右", "上下", "多", "余", "近", "大概", "大约", "超", "逾")
RANGE = ("或", "至", "到", "~", "-", "、", "和", "及", ",", "/")
COMPARE = ("以上", "以下", "以内", "不低于", "不超过", "不少于", "不高于", "以外")
# Words that turn '60万元左右' / '60或70家' / '60以上' into something other
# than one figure with a unit ('/' stays allowed: 元/人).
_NOT_IN_UNIT = APPROXIMATE + COMPARE + ("或", "至", "到", "和", "及", "完成", "已", "实现", "全部", "合格", "达标")


def is_unit(text: str, *, after_digits: bool) -> bool:
    """Is ``text`` acceptable as the unit of a figure? After a Chinese
    numeral only the known units are ('十分满意' is not 10 '分满意')."""
    if text in KNOWN_UNITS:
        return True
    if not after_digits or not _GENERIC_UNIT.match(text):
        return False
    return not any(word in text for word in _NOT_IN_UNIT)


# Money units a measure may be written in, as multiples of 万元.
MONEY_UNITS = {"元": 0.0001, "千元": 0.1, "万元": 1.0, "百万元": 100.0, "亿元": 10000.0}

# Spellings of one unit that are not a mismatch (full-width %, 日 for 天 …).
UNIT_SYNONYMS = {
    "％": "%", "百分比": "%", "日": "天", "工作日": "天", "个工作日": "天", "千米": "公里", "km": "公里",
    "㎡": "平方米", "m2": "平方米", "m²": "平方米", "t": "吨", "人数": "人", "名": "人", "位": "人",
    "场次": "场", "个数": "个", "个月": "月", "个小时": "小时",
}  # fmt: skip


@lru_cache(maxsize=4096)  # the rules ask for the units of every indicator, and forms use a few dozen units
def normalise_unit(unit: str | None) -> str | None:
    """A unit in its one spelling (``名`` → ``人``); None when there is none."""
    if unit is None or not unit.strip():
        return None
    unit = re.sub(r"\s+", "", unit)
    if "/" in unit:  # 元/㎡ and 元/平方米: each side in its one spelling
        return "/".join(UNIT_SYNONYMS.get(part, part) for part in unit.split("/"))
    return UNIT_SYNONYMS.get(unit, unit)


def unit_factors(target_unit: str | None, actual_unit: str | None) -> tuple[float, float] | None:
    """Factors that bring a target and an actual to one unit, or None when
    they cannot be compared. A unit missing on one side is taken to be the
    other's (clerks write ≥20家 then 20); money converts to 万元; synonyms
    (名/人, 日/天) are one unit."""
    t, a = normalise_unit(target_unit), normalise_unit(actual_unit)
    if t is None or a is None or t == a:
        return 1.0, 1.0
    (t_head, _, t_per), (a_head, _, a_per) = t.partition("/"), a.partition("/")
    if t_head in MONEY_UNITS and a_head in MONEY_UNITS and t_per == a_per:
        return MONEY_UNITS[t_head], MONEY_UNITS[a_head]  # 60万元 and 600000元, 1万元/公里 and 9500元/公里
    return None

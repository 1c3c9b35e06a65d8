"""Packs of format 1 (``dqsa-criteria/1``) and the names the domain had before format 2.

Format 1 left the vocabulary to the program: the zones, mechanisms and ledgers, the
staff counts, the satisfaction rate and the 宣传展示内容 checklist were written in code.
Center files and packets made by that program keep such packs, and they must open
and score exactly as before. :func:`upgrade_pack_data` turns one into format 2 by
adding, as data, what that program did; nothing else in the domain names a fact id.

"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from dqsa.domain.vocabulary import Catalog

if TYPE_CHECKING:
    from dqsa.domain.criteria import CriteriaPack

PACK_SCHEMA_1: Final = "dqsa-criteria/1"
PACK_SCHEMA_2: Final = "dqsa-criteria/2"

#: The catalogues the format-1 program knew, in its words, keyed by the pack's list.
_CATALOGS_1: Final[dict[str, dict[str, object]]] = {
    "zones": {
        "id": "zone", "label": "功能区", "answers": "zones", "flag": "present",
        "yes_word": "已设置", "no_word": "未设置",
        "added_heading": "新设功能区", "removed_heading": "撤销的功能区",
        "area": True, "evidence": True, "lasts": True,
    },
    "mechanisms": {
        "id": "mechanism", "label": "工作机制", "answers": "mechanisms", "flag": "established",
        "yes_word": "已建立", "no_word": "未建立",
        "added_heading": "新建立工作机制", "removed_heading": "不再具备的工作机制",
        "evidence": True, "lasts": True,
    },
    "ledgers": {
        "id": "ledger", "label": "台账", "answers": "ledgers", "flag": "kept",
        "yes_word": "齐全", "no_word": "不齐全",
        "added_heading": "新建立台账", "removed_heading": "不再齐全的台账",
        "lasts": False, "lasts_why": "台账按年度记录，每年核对是否齐全",
    },
}  # fmt: skip
_ROSTER_PAGE_1: Final = "staff"
_PROFILE_PAGE_1: Final = "profile"
_STAFF_COUNTS_1: Final[list[dict[str, object]]] = [
    {"id": "staff.count", "label": "工作人员总数", "flag": None},
    {"id": "staff.full_time", "label": "专职工作人员数", "flag": "full_time"},
    {"id": "staff.party_members", "label": "党员工作人员数", "flag": "party_member"},
    {"id": "staff.trained", "label": "受过培训的工作人员数", "flag": "trained"},
]
_RATE_1: Final = {
    "id": "survey.satisfaction_rate",
    "label": "群众满意率",
    "part": "survey.satisfied",
    "whole": "survey.respondents",
}
#: Format 1's share_of_staff rule read these when the pack did not say.
_SHARE_OF_STAFF_DEFAULTS_1: Final = {"fact": "staff.party_members", "of": "staff.count"}
#: Format 1 showed a grouped yes/no fact with this id prefix as a tick of a checklist.
_CHECKLIST_PREFIX_1: Final = "content."
_INTROS_1: Final[dict[str, str]] = {
    "site": "逐项对照标准原文填写。是/否题用方向键选择；数字直接输入，填错会在旁边提示。",
    "staff": "在表格中列出全部专兼职工作人员。专职人数、党员比例由名单自动计算。",
    "zones": "勾选已设置的功能区和宣传展示内容；可以为每个功能区填写面积、添加照片（也可以把照片拖进来）。",
    "systems": "勾选已建立的工作机制和台账；可以附上制度文件。",
    "role": "有次数要求的条目填写本年度次数，由程序计分；其余条目按实际情况人工评分并写明依据。",
    "funding": "资金保障逐项选择；满意度调查填写调查人数和满意人数，程序计算满意率。",
}
_PROFILE_FIELDS_1: Final[list[dict[str, object]]] = [
    {"field": "center.region", "label": "所在地区", "lasts": True},
    {"field": "center.contact", "label": "联系方式", "lasts": True},
    {"field": "assessor", "label": "评估人", "lasts": False, "lasts_why": "由当年实际评估的人填写"},
]
_UNKNOWN_LASTS_WHY: Final = "旧版标准包没有说明是否长期不变，按每年重新填写处理"

# --- the upgrade --------------------------------------------------------------------------------


def upgrade_pack_data(data: Mapping[str, object], reference: CriteriaPack | None = None) -> dict[str, object]:
    """Pack data of format 1 as format 2, scoring exactly as before.

    ``reference`` (the bundled pack with the same id, when there is one) says which
    facts last from year to year; a fact it does not know is treated as yearly.
    Data that is not a well-formed format-1 pack is returned changed as far as it
    could be, for validation to report what is wrong.
    """
    new: dict[str, object] = copy.deepcopy(dict(data))
    new["schema"] = PACK_SCHEMA_2
    facts = [f for f in _dicts(new.get("facts")) if isinstance(f.get("id"), str)]
    fact_ids = {str(f["id"]) for f in facts}
    page_ids = [str(p["id"]) for p in _dicts(new.get("pages")) if isinstance(p.get("id"), str)]
    for page in _dicts(new.get("pages")):
        intro = _INTROS_1.get(str(page.get("id")))
        if intro and "intro" not in page:
            page["intro"] = intro
    for fact in facts:
        known = reference.fact_def(str(fact["id"])) if reference is not None else None
        fact.setdefault("lasts", known.lasts if known else False)
        if known is None or known.lasts_why:
            fact.setdefault("lasts_why", known.lasts_why if known else _UNKNOWN_LASTS_WHY)
    first_page = next((p for p in page_ids if p != _PROFILE_PAGE_1), page_ids[0] if page_ids else "")
    new["profile"] = {
        "page": _PROFILE_PAGE_1 if _PROFILE_PAGE_1 in page_ids else first_page,
        "fields": copy.deepcopy(_PROFILE_FIELDS_1),
    }
    has_roster = _ROSTER_PAGE_1 in page_ids
    if has_roster:
        new["roster"] = {"label": "工作人员名单", "page": _ROSTER_PAGE_1, "lasts": True}
    new["catalogs"] = _catalogs(new, first_page, reference)
    derived: list[dict[str, object]] = []
    if has_roster:
        derived += [
            {
                "id": d["id"], "label": d["label"], "type": "int", "unit": "人",
                "derive": {"type": "roster_count", "flag": d["flag"]},
            }
            for d in _STAFF_COUNTS_1
        ]  # fmt: skip
    if {_RATE_1["part"], _RATE_1["whole"]} <= fact_ids:
        derived.append(
            {
                "id": _RATE_1["id"], "label": _RATE_1["label"], "type": "rate",
                "derive": {"type": "ratio", "part": _RATE_1["part"], "whole": _RATE_1["whole"]},
            }
        )  # fmt: skip
    new["derived_facts"] = derived
    checklist_groups = dict.fromkeys(
        str(f["group"])
        for f in facts
        if str(f["id"]).startswith(_CHECKLIST_PREFIX_1) and f.get("type") == "bool" and f.get("group")
    )
    new["fact_groups"] = [
        {
            "label": label, "style": "checklist", "yes_word": "已展示", "no_word": "未展示",
            "added_heading": f"新增{label}", "removed_heading": f"不再具备的{label}",
        }
        for label in checklist_groups
    ]  # fmt: skip
    for table in _dicts(new.get("tables")):
        for section in _dicts(table.get("sections")):
            for item in _dicts(section.get("items")):
                rule = item.get("rule")
                if isinstance(rule, dict) and rule.get("type") == "share_of_staff":
                    for key, value in _SHARE_OF_STAFF_DEFAULTS_1.items():
                        rule.setdefault(key, value)
    return new


def _catalogs(
    new: dict[str, object], first_page: str, reference: CriteriaPack | None
) -> list[dict[str, object]]:
    """Format 1's top-level zones / mechanisms / ledgers lists as catalogues (empty ones dropped),
    worded as the reference pack words them, else as the format-1 program did."""
    pages: dict[str, str] = {}
    for table in _dicts(new.get("tables")):
        for section in _dicts(table.get("sections")):
            for item in _dicts(section.get("items")):
                rule = item.get("rule")
                read = rule.get("facts", [rule.get("fact")]) if isinstance(rule, dict) else []
                for fact in read if isinstance(read, list) else []:
                    kind = str(fact).partition(".")[0]
                    pages.setdefault(kind, str(item.get("page", first_page)))
    catalogs: list[dict[str, object]] = []
    for field, words in _CATALOGS_1.items():
        entries = new.pop(field, None)
        if not entries:
            continue
        kind = str(words["id"])
        # Format 1 showed the ledgers on the page of the mechanisms.
        page = pages.get(kind) or pages.get(str(_CATALOGS_1["mechanisms"]["id"])) or first_page
        same = reference.catalog_for_answers(field) if reference is not None else None
        if same is not None and same.id == kind:
            later = same.model_dump(exclude={"entries"}, exclude_none=True)
            entries = [_entry_lasting(entry, same) for entry in _dicts(entries)]
            catalogs.append({**later, "page": page, "entries": entries})
        else:
            catalogs.append({**words, "page": page, "entries": entries})
    return catalogs


def _entry_lasting(entry: dict[str, object], reference: Catalog) -> dict[str, object]:
    """An entry with the reference catalogue's own lasting, where it differs from the catalogue's."""
    known = reference.entry(str(entry.get("id")))
    if known is None or known.lasts is None:
        return entry
    why = {"lasts_why": known.lasts_why} if known.lasts_why else {}
    return {**entry, "lasts": known.lasts, **why}


def _dicts(value: object) -> list[dict[str, object]]:
    """The dicts of a list in untrusted data (anything else is left for validation to report)."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []

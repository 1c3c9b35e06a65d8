"""The bundled packs say what the seeds say: wording, points, structure, thresholds."""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path

import pytest

from dqsa.domain.criteria import ThresholdRule, catalog_fact_id
from dqsa.domain.errors import InvalidInput
from dqsa.packs import bundled_packs, load_pack_file, pack_schema_json, parse_pack_text
from dqsa.paths import resource_path

HUZHOU_IDS = (
    [f"A1.site.{n}" for n in range(1, 4)]
    + [f"A1.area.{n}" for n in range(1, 3)]
    + [f"A1.sign.{n}" for n in range(1, 7)]
    + [f"A1.zones.{n}" for n in range(1, 4)]
    + [f"A1.staff.{n}" for n in range(1, 4)]
    + [f"A1.assets.{n}" for n in range(1, 3)]
    + [f"A2.team.{n}" for n in range(1, 5)]
    + [f"A2.systems.{n}" for n in range(1, 3)]
    + [f"A2.role.{n}" for n in range(1, 11)]
    + [f"A2.funding.{n}" for n in range(1, 4)]
    + [f"A2.mass.{n}" for n in range(1, 3)]
)
MANUAL = {"A1.site.1", "A2.systems.2", "A2.role.9", "A2.mass.1"}
MANUAL |= {f"A2.team.{n}" for n in range(1, 5)} | {f"A2.role.{n}" for n in range(1, 8)}
YES_NO = {"A1.site.2", "A1.site.3", "A1.area.1", "A1.assets.1", "A1.assets.2"}
YES_NO |= {f"A1.sign.{n}" for n in range(1, 7)} | {f"A2.funding.{n}" for n in range(1, 4)}


def _seeds_dir() -> Path:
    configured = os.environ.get("DQSA_SEEDS_DIR")
    return Path(configured) if configured else Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _seed(prefix: str) -> str:
    seeds = _seeds_dir()
    matches = sorted(seeds.glob(f"{prefix}_*.txt")) if seeds.is_dir() else []
    if not matches:
        if os.environ.get("CI"):
            pytest.fail(f"CI must have the seed texts beside the clone: {seeds}")
        pytest.skip(f"seed texts not found at {seeds} (set DQSA_SEEDS_DIR)")
    return matches[0].read_text(encoding="utf-8")


def _squash(text: str) -> str:
    """Remove all white space (the seed wraps and pads with tabs and U+3000)."""
    return re.sub(r"\s+", "", text)


def test_both_packs_are_bundled_and_valid() -> None:
    packs = bundled_packs()
    assert set(packs) == {"huzhou-social-org", "wenzhou-oujianghong"}
    assert packs["huzhou-social-org"].kind == "scored"
    assert packs["wenzhou-oujianghong"].kind == "checklist"


def test_huzhou_item_ids_and_rule_types(huzhou) -> None:
    assert [item.id for _, _, item in huzhou.items()] == HUZHOU_IDS
    rules = {item.id: item.rule.type for _, _, item in huzhou.items()}
    assert {i for i, r in rules.items() if r == "manual"} == MANUAL
    assert {i for i, r in rules.items() if r == "yes_no"} == YES_NO
    assert {i for i, r in rules.items() if r == "threshold_by_level"} == {
        "A1.area.2", "A1.staff.1", "A2.role.10", "A2.mass.2",
    }  # fmt: skip
    assert {i for i, r in rules.items() if r == "share_of_list"} == {
        "A1.zones.1", "A1.zones.2", "A1.zones.3", "A1.staff.3", "A2.systems.1",
    }  # fmt: skip
    assert rules["A1.staff.2"] == "share_of_staff"
    assert rules["A2.role.8"] == "count_toward_target"


def test_huzhou_tables_each_sum_to_100(huzhou) -> None:
    for table in huzhou.tables:
        assert table.max_points == 100
        assert sum(item.max_points for s in table.sections for item in s.items) == 100


def test_huzhou_levels(huzhou) -> None:
    assert [(lv.code, lv.label) for lv in huzhou.levels] == [
        ("city", "市级"), ("county", "区县"), ("township", "乡镇(街道)"),
        ("village", "村(社区)"), ("regional", "区域性"), ("vanguard", "党员先锋站"),
    ]  # fmt: skip


def test_huzhou_wording_and_points_match_the_seed(huzhou) -> None:
    seed = _seed("002")
    appendix = _squash(seed[seed.index("附 录 A") :])
    position = 0
    for table in huzhou.tables:
        assert _squash(table.title) in appendix, table.title
        for section in table.sections:
            header = f"{section.title}{section.max_points}分"
            assert header in appendix, f"section header {header} not in seed"
            for item in section.items:
                expected = f"{item.number}{_squash(item.text)}{item.max_points}"
                found = appendix.find(expected, position)
                assert found >= 0, f"{item.id}: wording or points differ from the seed: {expected}"
                position = found + len(expected)


def test_huzhou_area_thresholds_match_the_seed_body(huzhou) -> None:
    seed = _seed("002")
    rule = huzhou.item("A1.area.2").rule
    assert isinstance(rule, ThresholdRule) and rule.comparison == "at_least"
    expected = {"city": 600, "county": 500, "township": 300, "village": 200, "regional": 200, "vanguard": 100}
    assert {code: int(rule.minimum_for(code)[1]) for code in expected} == expected
    for clause, value in [("5.2.2", 600), ("5.2.3", 500), ("5.2.4", 300), ("5.2.5", 200), ("5.2.6", 200)]:
        line = next(ln for ln in seed.splitlines() if ln.startswith(clause))
        assert str(value) in line


def test_wenzhou_pack_follows_the_explanatory_note(wenzhou) -> None:
    seed = _squash(_seed("000"))
    assert wenzhou.source.kind == "explanatory_note"
    assert "不是正式发布的标准" in (wenzhou.source.note or "")
    rule = wenzhou.item("B.area.1").rule
    assert isinstance(rule, ThresholdRule) and rule.comparison == "greater_than"
    assert {lv.code: rule.minimum_for(lv.code)[1] for lv in wenzhou.levels} == {
        "city": 3000, "county": 1000, "township": 500, "village": 250, "new_sector": 250,
    }  # fmt: skip
    for value in (3000, 1000, 500, 250):
        assert f"大于{value}m²" in seed
    assert "cmk:01001000" in seed and "cmk:001000" in seed
    systems = [m.label.removesuffix("制度") for m in wenzhou.catalog("mechanism").entries]
    assert systems == ["首问负责", "协作配合", "工作例会", "情况报告", "考核评价", "经费保障"]
    assert "首问负责、协作配合、工作例会、情况报告、考核评价、经费保障" in seed
    daily = [i.text for i in wenzhou.tables[2].sections[1].items]
    assert "、".join(daily) in seed
    basic = [i.text for i in wenzhou.tables[1].sections[0].items]
    assert "、".join(basic) in seed
    for section in wenzhou.tables[1].sections[1:]:
        for item in section.items:
            assert _squash(item.text.split("（")[0]).replace("建立", "") in seed, item.text


def test_checklist_items_carry_no_points(wenzhou) -> None:
    assert all(item.max_points is None for _, _, item in wenzhou.items())


def test_pack_content_hash_is_stable_and_sensitive(huzhou) -> None:
    path = resource_path("criteria", "huzhou-social-org.yaml")
    assert load_pack_file(path).content_hash() == huzhou.content_hash()
    changed = path.read_text(encoding="utf-8").replace("value: 0.9}", "value: 0.8}")
    assert parse_pack_text(changed).content_hash() != huzhou.content_hash()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("max_points: 6\n", "max_points: 7\n", "分值 10 ≠ 条目合计 11"),
        ("fact: site.tidy}", "fact: site.tidyy}", "site.tidyy 未定义"),
        ("- id: A1.site.2\n            number: 2", "- id: A1.site.9\n            number: 2", "A1.site.9"),
        ("village: 200, regional", "regional", "没有阈值"),
        ("fact: area_m2\n              comparison", "fact: sign.logo\n              comparison", "类型 bool"),
        (
            "rule: {type: manual}\n            page: site",
            "rule: {type: checklist}\n            page: site",
            "checklist",
        ),
    ],
)
def test_an_inconsistent_pack_is_refused_with_the_reason(old: str, new: str, message: str) -> None:
    text = resource_path("criteria", "huzhou-social-org.yaml").read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(InvalidInput) as raised:
        parse_pack_text(text.replace(old, new, 1))
    assert message in str(raised.value)


def test_broken_yaml_is_reported_with_its_line() -> None:
    with pytest.raises(InvalidInput) as raised:
        parse_pack_text("schema: dqsa-criteria/1\nid: [unclosed\n")
    assert "行" in str(raised.value)


def test_shipped_json_schema_is_in_sync() -> None:
    shipped = resource_path("criteria", "criteria-pack.schema.json").read_text(encoding="utf-8")
    assert shipped == pack_schema_json(), "run: python -m dqsa.schemas to regenerate"


def test_manual_points_fit_the_step(huzhou) -> None:
    for _, _, item in huzhou.items():
        if item.rule.type == "manual":
            assert item.max_points % Decimal("0.5") == 0


# --- the vocabulary is pack data (issue 11.2) --------------------------------------------------------


def test_catalogues_say_where_they_live_in_the_answers_and_how_they_are_worded(huzhou, wenzhou) -> None:
    zones = huzhou.catalog("zone")
    assert (zones.answers, zones.flag, zones.page, zones.area, zones.evidence) == (
        "zones", "present", "zones", True, True,
    )  # fmt: skip
    assert (zones.yes_word, zones.no_word, zones.added_heading) == ("已设置", "未设置", "新设功能区")
    assert huzhou.catalog("ledger").page == "systems"  # shown with the mechanisms
    assert huzhou.catalog_for_answers("mechanisms") is huzhou.catalog("mechanism")
    assert [c.id for c in wenzhou.catalogs] == ["mechanism"] and wenzhou.catalog("zone") is None
    assert wenzhou.catalog("mechanism").label == "制度"  # the checklist's own word
    assert catalog_fact_id("zone", "oath") == zones.fact_id("oath") == "zone.oath"
    catalog, entry = huzhou.catalog_fact("zone.oath")
    assert (catalog.id, entry.label) == ("zone", "党员宣誓区")
    assert huzhou.fact_label("zone.oath") == "党员宣誓区" and huzhou.catalog_fact("site.tidy") is None
    # the deprecated pack.zones / .mechanisms / .ledgers are gone: every caller asks for the catalogue
    assert not hasattr(huzhou, "zones") and wenzhou.catalog_for_answers("ledgers") is None


def test_fact_groups_and_derived_facts(huzhou) -> None:
    group = huzhou.fact_group("宣传展示内容")
    assert group.style == "checklist" and group.added_heading == "新增宣传展示内容"
    assert len(huzhou.group_facts("宣传展示内容")) == 11
    assert huzhou.is_checklist_fact("content.finance") and not huzhou.is_checklist_fact("site.tidy")
    assert huzhou.fact_group("标识") is None  # an undeclared group is only a heading
    assert [d.id for d in huzhou.derived_facts][:2] == ["staff.count", "staff.full_time"]
    rate = huzhou.derived_fact("survey.satisfaction_rate")
    assert (rate.type, rate.derive.part, rate.derive.whole) == (
        "rate",
        "survey.satisfied",
        "survey.respondents",
    )
    assert huzhou.rule_inputs(huzhou.item("A2.mass.2").rule, "village") == [
        "survey.respondents", "survey.satisfied",
    ]  # fmt: skip
    assert huzhou.facts_checked_with("survey.respondents") == {"survey.respondents", "survey.satisfied"}
    assert huzhou.facts_checked_with("area_m2") == {"area_m2"}
    assert huzhou.ratio_inputs() == {"survey.respondents", "survey.satisfied"}
    assert huzhou.value_text("survey.satisfaction_rate", Decimal("0.875")) == "87.5%"
    assert huzhou.value_text("area_m2", Decimal(150)) == "150 m²"
    assert huzhou.value_text("zone.oath", False) == "未设置"
    assert huzhou.value_text("content.finance", True) == "已展示"
    assert huzhou.value_text("site.tidy", True) == "是"
    assert huzhou.known_facts()["staff.count"] == "int" and huzhou.known_facts()["zone.oath"] == "bool"


def test_the_domain_code_names_no_fact_or_item_of_a_pack(huzhou, wenzhou) -> None:
    """Vocabulary lives in the packs; only legacy.py describes what format 1 implied."""
    import ast

    import dqsa.domain
    from dqsa.domain.answers import Answers, catalog_lists

    answer_fields = set(Answers.model_fields)
    for field in catalog_lists():
        answer_fields |= set(_entry_model(field).model_fields)
    forbidden: set[str] = set()
    for pack in (huzhou, wenzhou):
        facts = set(pack.known_facts())
        forbidden |= {f for f in facts if f not in answer_fields}
        forbidden |= {f.split(".")[0] + "." for f in facts if "." in f}
        forbidden |= {item.id for _, _, item in pack.items()} | {
            s.id for t in pack.tables for s in t.sections
        }
        forbidden |= {g.label for g in pack.fact_groups}
    found = []
    for path in sorted(Path(dqsa.domain.__file__).parent.glob("*.py")):
        if path.name == "legacy.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                found += [f"{path.name}:{node.lineno}: {word}" for word in forbidden if word in node.value]
    assert not found, found


def _entry_model(field: str):
    from typing import get_args

    from dqsa.domain.answers import Answers

    return get_args(Answers.model_fields[field].annotation)[0]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    answers: zones\n", "    answers: rooms\n", "答卷没有列表 rooms"),
        ("    flag: present\n", "    flag: open\n", "没有是/否字段 open"),
        ("    flag: established\n    page: systems\n", "    flag: established\n    page: systems\n    area: true\n", "不能填面积"),
        ("derive: {type: roster_count, flag: trained}", "derive: {type: roster_count, flag: smiling}", "名单没有是/否列 smiling"),
        ("part: survey.satisfied,", "part: survey.happy,", "survey.happy 未定义"),
        ("  - {id: staff.count, label: 工作人员总数, type: int", "  - {id: staff.count, label: 工作人员总数, type: rate", "人数的类型应为 int"),
        ("  - label: 宣传展示内容\n", "  - label: 宣传内容\n", "没有事实属于这个分组"),
        ("group: 宣传展示内容, lasts: true, lasts_why: 宣传", "group: 宣传展示内容, lasts: true, type: int, lasts_why: 宣传", "勾选清单中的 content.overview 应是是/否事实"),
        ("    - {field: center.contact, label: 联系方式, lasts: true}\n", "", "center.contact 没有说明是否长期沿用"),
        ("  page: staff\n  lasts: true", "  page: staffing\n  lasts: true", "工作人员名单：页面 staffing 未定义"),
        ("{id: site.tidy, label: 设施设备完好、场所环境干净整洁, type: bool, page: site, group: 选址, lasts: false, ",
         "{id: zone.oath, label: 设施设备完好、场所环境干净整洁, type: bool, page: site, group: 选址, lasts: false, ",
         "编号重复：zone.oath"),
        ("{id: site.physical, label: 实体化运作（含合署办公）, type: bool, page: site, group: 面积, lasts: true}",
         "{id: site.physical, label: 实体化运作（含合署办公）, type: bool, page: site, group: 面积}",
         "facts.2.lasts"),
        ("rule: {type: share_of_staff, fact: staff.party_members, of: staff.count}",
         "rule: {type: share_of_staff, fact: staff.party_members, of: area_m2}",
         "area_m2 的类型 number"),
        ("  - id: ledger\n", "  - id: item\n", "代码 item 留给附在条目上的证明材料"),  # evidence on an item
    ],
)  # fmt: skip
def test_inconsistent_vocabulary_is_refused_with_the_reason(old: str, new: str, message: str) -> None:
    text = resource_path("criteria", "huzhou-social-org.yaml").read_text(encoding="utf-8")
    assert old in text, old
    with pytest.raises(InvalidInput) as raised:
        parse_pack_text(text.replace(old, new, 1))
    assert message in str(raised.value), str(raised.value)


def test_criteria_check_reports_vocabulary_problems(tmp_path: Path, capsys) -> None:
    from dqsa.cli import main

    text = resource_path("criteria", "huzhou-social-org.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "县里的 标准包.yaml"
    broken.write_text(text.replace("    flag: kept\n", "    flag: complete\n"), encoding="utf-8")
    assert main(["criteria", "check", str(broken)]) == 2
    assert "目录 ledger：答卷 ledgers 的条目没有是/否字段 complete" in capsys.readouterr().err


# --- packs of format 1 (stored by the earlier program) still open and score the same -------------------


V1_DIR = Path(__file__).parent / "data" / "criteria-1"


@pytest.mark.parametrize("name", ["huzhou-social-org", "wenzhou-oujianghong"])
def test_a_format_1_pack_is_upgraded_and_scores_exactly_as_before(name: str, data_dir: Path) -> None:
    from dqsa.answers_file import load_answers_file
    from dqsa.domain.scoring import score

    old = load_pack_file(V1_DIR / f"{name}.yaml")
    bundled = bundled_packs()[name]
    assert old.schema_ == "dqsa-criteria/2"
    assert old.known_facts() == bundled.known_facts()
    assert [c.model_dump() for c in old.catalogs] == [c.model_dump() for c in bundled.catalogs]
    assert [d.model_dump() for d in old.derived_facts] == [d.model_dump() for d in bundled.derived_facts]
    assert [(f.id, f.lasts) for f in old.facts] == [(f.id, f.lasts) for f in bundled.facts]
    for path in sorted(data_dir.glob("*.json")):
        answers = load_answers_file(path)
        if answers.pack.id == name:
            assert score(old, answers) == score(bundled, answers), path.name


def test_a_format_1_pack_without_a_bundled_twin_gets_the_old_vocabulary() -> None:
    text = (
        (V1_DIR / "huzhou-social-org.yaml")
        .read_text(encoding="utf-8")
        .replace("id: huzhou-social-org", "id: county-variant")
    )
    pack = parse_pack_text(text)
    assert pack.catalog("mechanism").label == "工作机制"
    assert all(not f.lasts and f.lasts_why for f in pack.facts)  # unknown: yearly, and says why
    assert pack.fact_group("宣传展示内容").style == "checklist"


def test_stored_format_1_packs_keep_their_recorded_digest(data_dir: Path) -> None:
    """The center file (and a format-1 packet's manifest) recorded the digest of the pack as written."""
    import json
    import sqlite3

    from dqsa.domain.criteria import pack_data_digest
    from dqsa.packs import pack_from_data

    with sqlite3.connect(data_dir / "schema-0001.dqsa") as db:
        rows = db.execute("SELECT content_hash, content FROM criteria_pack").fetchall()
    assert rows
    for digest, content in rows:
        data = json.loads(content)
        assert data["schema"] == "dqsa-criteria/1"
        assert pack_data_digest(data) == digest
        assert pack_from_data(data).catalog("zone") is not None

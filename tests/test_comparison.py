"""Comparing two years: the engine on hand-made pairs, the command line, the window."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from dqsa.answers_file import load_answers_file
from dqsa.cli import main
from dqsa.domain.comparison import TREND_LABELS, compare
from dqsa.domain.scoring import score
from dqsa.packs import find_pack, parse_pack_text
from dqsa.paths import resource_path


@pytest.fixture
def weak(data_dir: Path):
    return load_answers_file(data_dir / "village-weak.json")


def changed(answers, **update):
    data = answers.model_dump(mode="python")
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return type(answers).model_validate(data)


def run(old, new, old_pack=None, new_pack=None):
    old_pack = old_pack or find_pack(old.pack.id)
    new_pack = new_pack or find_pack(new.pack.id)
    return compare(score(old_pack, old), old, old_pack, score(new_pack, new), new, new_pack)


def test_improved_regressed_unchanged(weak) -> None:
    later = changed(
        weak,
        year=2027,
        facts={"area_m2": Decimal(230), "sign.flagpole": False},
        manual_scores={"A1.site.1": Decimal(3)},
    )
    result = run(weak, later)
    trends = {i.item_id: i.trend for i in result.items}
    assert trends["A1.area.2"] == "improved"  # 150 → 230 m²: 0 → 10
    assert trends["A1.sign.1"] == "regressed"  # flagpole yes → no: 4 → 0
    assert trends["A1.site.1"] == "unchanged"
    area = next(i for i in result.items if i.item_id == "A1.area.2")
    assert (area.old_score, area.new_score, area.change) == (0, 10, 10)
    sign = next(s for s in result.sections if s.part_id == "A1.sign")
    assert (sign.old_score, sign.new_score, sign.change) == (12, 8, -4)
    assert result.new_total - result.old_total == Decimal(6)
    assert "中心总面积 150 m² → 230 m²" in result.facts
    assert "室外立旗杆、升挂党旗 是 → 否" in result.facts


def test_facts_in_plain_words(weak) -> None:
    later = changed(
        weak,
        year=2027,
        staff=[
            *[p.model_dump() for p in weak.staff],
            {"name": "吴敏", "full_time": True, "party_member": True},
        ],
        zones=[{"id": "reception", "present": True}, {"id": "business", "present": True}],
        mechanisms=[{"id": "joint_meeting", "established": True}],
        facts={"survey.respondents": 50, "survey.satisfied": 48, "content.highlights": True},
    )
    facts = run(weak, later).facts
    assert "工作人员总数 3 人 → 4 人" in facts  # the derived facts as the pack labels them
    assert "专职工作人员数 0 人 → 1 人" in facts
    assert "新设功能区：业务办理区" in facts
    assert any(line.startswith("撤销的功能区：") and "党员宣誓区" in line for line in facts)
    assert "新建立工作机制：联席会议机制" in facts
    assert "群众满意率 87.5% → 96%" in facts
    assert "新增宣传展示内容：亮点工作" in facts


def test_a_pack_version_that_renames_items_is_followed(weak) -> None:
    text = resource_path("criteria", "huzhou-social-org.yaml").read_text(encoding="utf-8")
    renamed = text.replace("A1.site", "A1.location").replace("version: 1.0.0", "version: 2.0.0")
    renamed += "\nid_map: {A1.site.1: A1.location.1, A1.site.2: A1.location.2, A1.site.3: A1.location.3}\n"
    new_pack = parse_pack_text(renamed)
    later = changed(weak, year=2027, pack={"id": "huzhou-social-org", "version": "2.0.0"})
    data = later.model_dump(mode="python")
    data["manual_scores"]["A1.location.1"] = data["manual_scores"].pop("A1.site.1") + 1
    later = type(later).model_validate(data)
    result = run(weak, later, new_pack=new_pack)
    site = next(i for i in result.items if i.item_id == "A1.location.1")
    assert (site.old_id, site.trend, site.change) == ("A1.site.1", "improved", 1)
    assert not [i for i in result.items if i.trend in {"only_old", "only_new"}]
    assert result.new_pack == "huzhou-social-org 2.0.0"


def test_items_in_one_year_only_are_listed(data_dir: Path) -> None:
    village = load_answers_file(data_dir / "wenzhou-village.json")
    township = changed(village, year=2027, center={"name": village.center.name, "level": "township"})
    result = run(village, township)
    trends = {i.item_id: i.trend for i in result.items}
    assert trends["F.village.1"] == "only_old"
    assert trends["F.basic.1"] == "only_new" and trends["F.township.2"] == "only_new"
    assert trends["B.area.1"] == "regressed"  # 260 m² > 250 meets the village rule, not the township's > 500
    assert result.count("only_old") == 5  # F.village.6 was not applicable already
    assert result.count("only_new") == 10


def test_compare_on_the_command_line(tmp_path: Path, capsys) -> None:
    demo = [str(resource_path("examples", f"demo-{year}.json")) for year in (2025, 2026)]
    assert main(["compare", *demo]) == 0
    out = capsys.readouterr().out
    assert "合计：98.5/200 → 153.5/200" in out
    assert "A2.role.3      退步" in out
    db = tmp_path / "演示 中心.dqsa"
    for path in demo:
        main(["import", path, "--db", str(db)])
    capsys.readouterr()
    assert main(["compare", "--db", str(db), "--years", "2025", "2026", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["years"] == [2025, 2026]
    assert {i["id"] for i in data["items"] if i["trend"] == "regressed"} == {"A2.team.3", "A2.role.3"}
    assert main(["compare", "--db", str(db)]) == 2


def test_comparison_window_filters_and_chart(qtbot, tmp_path: Path) -> None:
    from dqsa.demo import build_demo_file
    from dqsa.store.service import CenterStore
    from dqsa.ui.comparison_view import ComparisonDialog

    with CenterStore.open(build_demo_file(tmp_path / "demo")) as store:
        dialog = ComparisonDialog(store)
        qtbot.addWidget(dialog)
        dialog.show()
        assert (dialog.old_year.currentData(), dialog.new_year.currentData()) == (2025, 2026)
        assert len(dialog.visible_rows()) == 40
        qtbot.mouseClick(dialog.regressed_only, Qt.MouseButton.LeftButton)
        assert dialog.visible_rows() == ["A2.team.3", "A2.role.3"]
        dialog.regressed_only.setChecked(False)
        dialog.changed_only.setChecked(True)
        assert len(dialog.visible_rows()) == 22
        assert "中心总面积 150 m² → 236 m²" in [
            dialog.facts.item(i).text() for i in range(dialog.facts.count())
        ]
        image = dialog.chart.grab()
        assert image.width() >= 360 and image.height() >= 40 + 34 * 11
        image.save(str(tmp_path / "chart.png"))
        assert (tmp_path / "chart.png").stat().st_size > 2000


# --- an honest comparison (issue 13.9) ----------------------------------------------------------------


def test_an_unanswered_item_is_its_own_category_not_a_regression(weak) -> None:
    """A manual item scored last year and not yet this year read as "2/2 → 0/2 退步"."""
    scores = dict(weak.manual_scores)
    assert scores.pop("A2.team.3") == 2
    later = changed(weak, year=2027, facts={"area_m2": None}).model_copy(update={"manual_scores": scores})
    result = run(weak, later)
    team = next(i for i in result.items if i.item_id == "A2.team.3")
    assert (team.trend, team.shown("old"), team.shown("new")) == ("unanswered", "2/2", "未填写")
    assert team.change is None and team.note == "本年未填写"
    assert TREND_LABELS[team.trend] == "未填写"
    area = next(i for i in result.items if i.item_id == "A1.area.2")
    assert area.trend == "unanswered"  # 0/10 (150 m²) → unanswered is not "unchanged" either
    assert "A2.team.3" not in {i.item_id for i in result.items if i.trend == "regressed"}
    back = run(later, changed(later, year=2028, manual_scores=weak.manual_scores))
    again = next(i for i in back.items if i.item_id == "A2.team.3")
    assert (again.trend, again.note, again.shown("old")) == ("unanswered", "上年未填写", "未填写")
    assert result.count("unanswered") == 2


def test_an_override_not_carried_over_is_explained(weak) -> None:
    assert weak.overrides["A1.zones.1"].score == Decimal("7.5")
    later = changed(weak, year=2027)
    later = later.model_copy(update={"overrides": {}})
    zones = next(i for i in run(weak, later).items if i.item_id == "A1.zones.1")
    assert (zones.old_score, zones.new_score, zones.trend) == (Decimal("7.5"), 5, "regressed")
    assert (
        zones.note
        == "上年为人工更正（理由：业务办理在综合接待区内合并设置，经街道党工委现场认定），本年未更正"
    )
    both = next(i for i in run(weak, changed(weak, year=2027)).items if i.item_id == "A1.zones.1")
    assert (both.trend, both.note) == ("unchanged", "两年都为人工更正（理由相同）")
    fresh = next(i for i in run(later, changed(weak, year=2028)).items if i.item_id == "A1.zones.1")
    assert fresh.note.startswith("本年为人工更正（理由：业务办理")


def test_every_trend_has_its_label() -> None:
    from typing import get_args

    from dqsa.domain.comparison import Trend

    assert set(TREND_LABELS) == set(get_args(Trend))


def test_a_drop_from_items_left_empty_is_counted_per_section_and_year(weak) -> None:
    """A section whose score fell because items were not answered says so (finding 14): each
    part carries both years' unanswered counts, and an item empty in both years is no change."""
    scores = dict(weak.manual_scores)
    scores.pop("A2.team.3")
    later = changed(weak, year=2027).model_copy(update={"manual_scores": scores})
    result = run(weak, later)
    team = next(s for s in result.sections if s.part_id == "A2.team")
    assert team.change is not None and team.change < 0
    assert (team.old_unanswered, team.new_unanswered) == (0, 1)
    assert team.unanswered_text == "本年 1 项未填写"
    table = next(t for t in result.tables if t.part_id == "A2")
    assert table.new_unanswered == team.new_unanswered + sum(
        s.new_unanswered for s in result.sections if s.part_id.startswith("A2.") and s.part_id != "A2.team"
    )
    site = next(s for s in result.sections if s.part_id == "A1.site")
    assert site.unanswered_text == "" and (site.old_unanswered, site.new_unanswered) == (0, 0)

    neither = run(later, changed(later, year=2028))
    empty = next(i for i in neither.items if i.item_id == "A2.team.3")
    assert empty.both_unanswered and not empty.changed and empty.trend == "unanswered"
    assert (
        next(s for s in neither.sections if s.part_id == "A2.team").unanswered_text
        == "上年 1 项、本年 1 项未填写"
    )
    once = next(i for i in result.items if i.item_id == "A2.team.3")
    assert once.changed and not once.both_unanswered


def test_the_window_marks_a_drop_from_empty_items_and_hides_items_empty_in_both_years(
    qtbot, tmp_path: Path, weak
) -> None:
    from dqsa.store.service import CenterStore
    from dqsa.ui.comparison_view import ComparisonDialog

    scores = dict(weak.manual_scores)
    scores.pop("A2.team.3")
    with CenterStore.open(tmp_path / "c.dqsa", create=True) as store:
        store.import_answers(changed(weak, year=2025).model_copy(update={"manual_scores": scores}))
        store.import_answers(changed(weak, year=2026).model_copy(update={"manual_scores": scores}))
        store.import_answers(changed(weak, year=2027))
        dialog = ComparisonDialog(store, old=(2025, False), new=(2026, False))
        qtbot.addWidget(dialog)
        dialog.show()
        titles = [row[0] for row in dialog.chart.rows]
        team = dict(zip(titles, dialog.chart.texts(), strict=True))[
            next(s.title for s in dialog.comparison.sections if s.part_id == "A2.team")
        ]
        assert team[0].endswith("%（1 项未填写）") and team[1].endswith("%（1 项未填写）")
        assert "A2.team.3" in dialog.visible_rows()
        dialog.changed_only.setChecked(True)
        assert "A2.team.3" not in dialog.visible_rows()  # empty in both years: nothing changed
        assert len(dialog.visible_rows()) == sum(1 for i in dialog.comparison.items if i.changed)
        image = dialog.chart.grab()
        image.save(str(tmp_path / "chart.png"))
        dialog.close()

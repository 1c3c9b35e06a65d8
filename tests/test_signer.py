"""The signer's name and title (finding 13): one line each, a sane length, printable; refused with the field
named on the command line (exit 2) and on the export page, before any signing identity is made."""

from __future__ import annotations

from pathlib import Path

import pytest

from dqsa.answers_file import load_answers_file
from dqsa.cli import EXIT_INVALID, main
from dqsa.domain.errors import InvalidInput
from dqsa.domain.signer import MAX_SIGNER_NAME, MAX_SIGNER_TITLE, check_signer
from dqsa.store.service import CenterStore

DATA = Path(__file__).parent / "data"
PASSPHRASE = "清溪村口令2026"
CENTER = "安吉县递铺街道某村（社区）党群服务中心"


def test_a_signer_is_one_line_each_of_a_sane_length() -> None:
    assert check_signer(" 张伟 ", "村党组织书记\r\n") == ("张伟", "村党组织书记")
    assert check_signer("阿卜杜热合曼·买买提", "社区党委副书记兼居委会主任") == (
        "阿卜杜热合曼·买买提",
        "社区党委副书记兼居委会主任",
    )
    cases = {
        ("张伟\n签署人：王五", "书记"): ("signer_name", "一行"),
        ("张伟", "书记\n签署时间：2099年"): ("signer_title", "一行"),
        ("张伟\x1b[2J", "书记"): ("signer_name", "隐藏字符"),
        ("张伟", "书记\u202e"): ("signer_title", "隐藏字符"),
        ("张" * (MAX_SIGNER_NAME + 1), "书记"): ("signer_name", "太长"),
        ("张伟", "书" * (MAX_SIGNER_TITLE + 1)): ("signer_title", "太长"),
        (" ", "书记"): ("signer_name", "请填写"),
    }
    for (name, title), (field, words) in cases.items():
        with pytest.raises(InvalidInput) as caught:
            check_signer(name, title)
        (problem,) = caught.value.problems
        assert problem.field == field and words in problem.message, (name, title, problem)


@pytest.fixture
def center_file(tmp_path: Path) -> Path:
    path = tmp_path / "中心.dqsa"
    with CenterStore.open(path, create=True) as store:
        store.import_answers(load_answers_file(DATA / "village-weak.json"))
    return path


@pytest.mark.parametrize(
    ("signer", "title", "words"),
    [
        ("张伟\n签署人：王五（书记）", "书记", "签署人姓名只能写一行"),
        ("张" * 300, "书记", "签署人姓名太长（300 个字，最多 30 个字）"),
        ("张伟", "书记\x1b[1A\x1b[2K校验通过", "签署人职务含有不能使用的隐藏字符"),
        ("张伟😀", "书记", "签署人姓名中的“😀”无法印在报告和签章上"),
    ],
)
def test_the_cli_refuses_a_bad_signer_with_exit_2_and_makes_nothing(
    center_file: Path, tmp_path: Path, monkeypatch, capsys, signer: str, title: str, words: str
) -> None:
    from dqsa.export.identity import identity_folder

    monkeypatch.setenv("DQSA_TEST_PASS", PASSPHRASE)
    out = tmp_path / "发出"
    code = main(
        [
            "export", "--db", str(center_file), "--year", "2026", "--out", str(out), "--signer", signer,
            "--title", title, "--passphrase-env", "DQSA_TEST_PASS", "--allow-missing-measures",
        ]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == EXIT_INVALID, err
    assert words in err and "Traceback" not in err
    assert not out.exists() or not list(out.iterdir())
    assert not identity_folder(CENTER).exists()  # no signing identity made for a refused export
    with CenterStore.open(center_file) as store:
        assert store.assessments()[0].status == "draft"


@pytest.mark.gui
def test_the_export_page_names_the_bad_field_before_starting(qtbot, tmp_path: Path) -> None:
    from dqsa.settings import Settings
    from dqsa.ui.main_window import MainWindow

    store = CenterStore.open(tmp_path / "c.dqsa", create=True)
    store.import_answers(load_answers_file(DATA / "village-weak.json"))
    window = MainWindow(store, Settings(), ask_first_run=False)
    qtbot.addWidget(window)
    window.show()
    window.open_assessment(2026)
    window.wizard.show_export_page()
    export = window.wizard.export_page
    assert export.signer.maxLength() == MAX_SIGNER_NAME and export.title.maxLength() == MAX_SIGNER_TITLE
    export.signer.setText("张伟\u202e")  # pasted from somewhere
    export.title.setText("村党组织书记")
    qtbot.keyClicks(export.passphrase, "secret-2026")
    qtbot.keyClicks(export.passphrase_again, "secret-2026")
    export.start_export()
    assert "签署人姓名含有不能使用的隐藏字符" in export.problem.message
    assert export.job is None and export.export_button.isEnabled()  # nothing started
    window.close()


def test_a_character_no_font_has_stops_the_export_before_an_identity_is_made(
    center_file: Path, tmp_path: Path
) -> None:
    from dqsa.export.fonts import MissingGlyphs
    from dqsa.export.identity import identity_folder
    from dqsa.export.packet import export_packet

    with CenterStore.open(center_file) as store:
        store.set_item_text(2026, "A1.site.1", "notes", "整改完成👍")
        with pytest.raises(MissingGlyphs, match="👍"):
            export_packet(
                store,
                2026,
                signer_name="张伟",
                signer_title="书记",
                passphrase=PASSPHRASE,
                out_dir=tmp_path / "发出",
            )
    assert not identity_folder(CENTER).exists()

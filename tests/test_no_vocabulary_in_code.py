"""No fact, catalogue, page or item of a pack is written in the code above the domain (issue 11.2).

The packs hold the vocabulary (criteria format 2): fact ids and their prefixes, the derived
facts, the catalogues (zones, mechanisms, ledgers) with their lists, flags and words, the
checklist groups, the pages, the items. The windows, the exports, the store and the command
line ask the pack. This test reads every string literal of ``dqsa/ui``, ``dqsa/export``,
``dqsa/store``, ``dqsa/cli`` and ``dqsa/years.py`` and fails on any that is (or starts with)
a name one of the bundled packs gives. Only what is genuinely not vocabulary is allowed,
each with its reason below.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import dqsa
from dqsa.domain.answers import catalog_lists, roster_flags
from dqsa.domain.criteria import CriteriaPack
from dqsa.packs import bundled_packs

PACKAGE = Path(dqsa.__file__).parent
ROOMS = ("ui", "export", "store", "cli")
FILES = ("years.py",)

#: (file relative to dqsa/, the literal) → why it is not the packs' vocabulary. Most are names of
#: the answers format (dqsa-answers/1) or the center file that a bundled pack happens to share:
#: the Huzhou pack calls a page "staff" and a fact "area_m2", the format has a roster "staff"
#: whose people have a "role", and zone answers with an "area_m2".
FORMAT = "the answers format's own field name (dqsa-answers/1), not a pack's: "
ALLOWED: dict[tuple[str, str], str] = {
    ("ui/pages.py", "role"): FORMAT + "the roster column 职务 (StaffMember.role)",
    ("ui/pages.py", "staff"): FORMAT + "the roster, the session key its table saves under",
    ("ui/pages.py", "area_m2"): FORMAT
    + "the area of a catalogue entry whose catalogue has one (Catalog.area)",
    (
        "ui/pages.py",
        "面积",
    ): "the caption of a catalogue entry's area field (Catalog.area), the program's word",
    ("export/workbook/lists.py", "area_m2"): FORMAT
    + "a catalogue entry's area, shown when its catalogue has one",
    ("store/mapping.py", "staff"): FORMAT + "the roster list of an answers document",
    ("store/mapping.py", "area_m2"): FORMAT + "a catalogue entry's area, mapped to its column",
    ("store/edits.py", "staff"): FORMAT + "the roster: check_edit's part and the history's field",
    ("store/edits.py", "area_m2"): FORMAT + "a catalogue entry's area (and its column in the history)",
    ("store/edits.py", "present"): "the center file's column of a catalogue answer (CatalogAnswer.present)",
    ("store/edits.py", "profile"): "the history's field name of a profile edit (the program's own)",
    (
        "store/service.py",
        "中心概况",
    ): "what the transaction of set_center is called in the log (the program's word)",
}


def pack_vocabulary(pack: CriteriaPack) -> tuple[set[str], set[str]]:
    """(names a literal may not be, prefixes a literal may not start with) for one pack."""
    exact: set[str] = set()
    prefixes: set[str] = set()
    fact_ids = [f.id for f in pack.facts] + [d.id for d in pack.derived_facts]
    for catalog in pack.catalogs:
        fact_ids += [catalog.fact_id(e.id) for e in catalog.entries]
        exact |= {catalog.id, catalog.answers, catalog.flag, catalog.label, catalog.yes_word, catalog.no_word}
        exact |= {catalog.added_heading, catalog.removed_heading}
        exact |= {e.id for e in catalog.entries} | {e.label for e in catalog.entries}
    for fact_id in fact_ids:
        exact.add(fact_id)
        head, dot, _ = fact_id.partition(".")
        if dot:
            prefixes.add(head + ".")
    exact |= {f.label for f in pack.facts} | {d.label for d in pack.derived_facts}
    for group in pack.fact_groups:
        exact |= {group.label, group.yes_word, group.no_word}
        exact |= {h for h in (group.added_heading, group.removed_heading) if h}
    exact |= {f.group for f in pack.facts if f.group}
    exact |= {p.id for p in pack.pages} | {p.title for p in pack.pages}
    exact |= {p.intro for p in pack.pages if p.intro}
    if pack.roster is not None:
        exact.add(pack.roster.label)
    for table, section, item in pack.items():
        # A table's id alone ("A1", "B") is also a spreadsheet cell or an image mode: its items'
        # and sections' ids start with it and a dot, and that is what is looked for.
        exact |= {section.id, item.id}
        prefixes |= {section.id + ".", table.id + "."}
    return exact, prefixes


def vocabulary() -> tuple[set[str], set[str]]:
    exact: set[str] = set()
    prefixes: set[str] = set()
    for pack in bundled_packs().values():
        more_exact, more_prefixes = pack_vocabulary(pack)
        exact |= more_exact
        prefixes |= more_prefixes
    # Words every pack shares with plain Chinese are not the pack's: 是/否.
    exact -= {"是", "否"}
    return exact, prefixes


def literals(path: Path) -> Iterator[tuple[int, str]]:
    """Every string constant of a module, with its line (docstrings left out: they explain)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def sources() -> list[Path]:
    found = [p for room in ROOMS for p in sorted((PACKAGE / room).rglob("*.py"))]
    found += [PACKAGE / name for name in FILES]
    # Qt Designer's generated forms hold only the forms' own texts (checked by their freshness test);
    # a migration is the file's history, written once and never changed (its column names stay).
    skipped = {"forms", "migrations"}
    return [p for p in found if not skipped & set(p.relative_to(PACKAGE).parts)]


def findings() -> list[str]:
    exact, prefixes = vocabulary()
    starts = re.compile("^(" + "|".join(re.escape(p) for p in sorted(prefixes)) + ")")
    found = []
    for path in sources():
        where = path.relative_to(PACKAGE).as_posix()
        for line, text in literals(path):
            if (where, text) in ALLOWED:
                continue
            if text in exact or starts.match(text):
                found.append(f"dqsa/{where}:{line}: {text!r}")
    return found


def test_no_fact_catalogue_page_or_item_of_a_pack_is_written_in_code() -> None:
    found = findings()
    assert not found, "vocabulary of a pack written in code (ask the pack instead):\n" + "\n".join(found)


def test_every_allowance_is_used_and_says_why() -> None:
    """An allowance nobody needs any more is removed; each one says why it is not vocabulary."""
    exact, prefixes = vocabulary()
    starts = re.compile("^(" + "|".join(re.escape(p) for p in sorted(prefixes)) + ")")
    used = set()
    for path in sources():
        where = path.relative_to(PACKAGE).as_posix()
        for _, text in literals(path):
            if (where, text) in ALLOWED and (text in exact or starts.match(text)):
                used.add((where, text))
    assert set(ALLOWED) == used, set(ALLOWED) - used
    assert all(reason.strip() for reason in ALLOWED.values())


@pytest.mark.parametrize(
    "text",
    [
        "content.overview",
        "zone.",
        "mechanism",
        "ledgers",
        "A1.site.1",
        "staff.count",
        "宣传展示内容",
        "已设置",
    ],
)
def test_the_check_would_see_it(text: str) -> None:
    """The words the issue names are among what the check looks for (it is not vacuous)."""
    exact, prefixes = vocabulary()
    assert text in exact or any(text.startswith(p) for p in prefixes)


def test_the_catalogue_lists_of_the_answers_format_are_looked_for() -> None:
    """Which list of the answers holds which catalogue (zones, mechanisms, ledgers) and its yes/no
    field are the pack's to say (catalog.answers, catalog.flag): code writing them is caught."""
    exact, _ = vocabulary()
    assert set(catalog_lists()) <= exact
    assert {"present", "established", "kept"} <= exact
    assert roster_flags() == {"full_time", "party_member", "trained"}  # the roster's columns are the format's

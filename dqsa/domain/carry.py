"""A new year from last year's answers: only what lasts is carried, the rest is 待更新.

The pack says what lasts (``lasts`` on every fact, catalogue or entry, the roster
and each profile field). :func:`carry_forward` copies only those answers into the
new year; yearly facts start empty, and manual scores, checklist statuses,
overrides, item notes and improvement measures are never copied (they are that
year's judgement). :func:`pending_updates` lists the yearly answers still empty,
for the pages and the review. Nothing here names a fact: it asks the pack.
"""

from __future__ import annotations

from dataclasses import dataclass

from dqsa.domain.answers import (
    ANSWERS_FORMAT,
    Answers,
    Center,
    FactValue,
    PackRef,
    catalog_answers,
    catalog_lists,
    check_answers,
)
from dqsa.domain.criteria import CriteriaPack, rule_facts
from dqsa.domain.vocabulary import ITEM_TARGET, ProfileFieldName, Ratio, RosterCount


@dataclass(frozen=True)
class Pending:
    """A yearly answer not filled in yet (待更新).

    ``field`` is its place in the answers ("facts.training.sessions",
    "ledgers.activity_log", "staff", "assessor"), ``page`` the pack page it is on,
    ``why`` the pack's reason it is asked every year (None if obvious).
    """

    field: str
    label: str
    page: str
    why: str | None = None


def carry_forward(last: Answers, pack: CriteriaPack, *, year: int) -> Answers:
    """The starting answers of ``year`` made with ``pack``, from last year's ``last``.

    Copied: the center's name and level; the profile fields, facts, catalogue
    entries and roster that ``pack`` says last (by id: a fact or entry the new pack
    does not have, or whose old value it would refuse, is left out). Not copied:
    yearly answers, manual scores, checklist statuses, overrides, item notes,
    improvement measures. A level the new pack does not know is kept and reported
    by :func:`~dqsa.domain.answers.check_answers`, for the caller to decide.
    """
    profile = {f.field: f.lasts for f in pack.profile.fields}

    def kept(name: ProfileFieldName, value: str) -> str:
        return value if profile.get(name, False) else ""

    facts: dict[str, FactValue | None] = {
        fact.id: last.facts[fact.id]
        for fact in pack.facts
        if fact.lasts and last.facts.get(fact.id) is not None
    }
    catalogs: dict[str, list[dict[str, object]]] = {field: [] for field in catalog_lists()}
    for catalog in pack.catalogs:
        for answer in catalog_answers(last, catalog.answers):
            entry = catalog.entry(answer.id)
            if entry is not None and catalog.entry_lasts(entry):
                catalogs[catalog.answers].append(answer.model_dump())
    roster_lasts = pack.roster is not None and pack.roster.lasts
    data: dict[str, object] = {
        "format": ANSWERS_FORMAT,
        "center": Center(
            name=last.center.name,
            level=last.center.level,
            region=kept("center.region", last.center.region),
            contact=kept("center.contact", last.center.contact),
        ).model_dump(),
        "year": year,
        "pack": PackRef(id=pack.id, version=pack.version).model_dump(),
        "assessor": kept("assessor", last.assessor),
        "facts": facts,
        **catalogs,
    }
    if roster_lasts and last.staff is not None:
        data["staff"] = [person.model_dump() for person in last.staff]
    answers = Answers.model_validate(data)
    # A lasting value the new pack refuses (a lower maximum, a changed type) is not carried.
    refused = {p.field.removeprefix("facts.") for p in check_answers(pack, answers)}
    if refused & facts.keys():
        kept_facts = {k: v for k, v in facts.items() if k not in refused}
        answers = answers.model_copy(update={"facts": kept_facts})
    return answers


def fact_lasts(pack: CriteriaPack, fact_id: str) -> bool:
    """Whether any fact a rule may read lasts: declared, catalogue entry, or derived
    (a roster count lasts with the roster, a rate when both its facts last)."""
    declared = pack.fact_def(fact_id)
    if declared is not None:
        return declared.lasts
    found = pack.catalog_fact(fact_id)
    if found is not None:
        return found[0].entry_lasts(found[1])
    derived = pack.derived_fact(fact_id)
    if derived is not None and isinstance(derived.derive, RosterCount):
        return pack.roster is not None and pack.roster.lasts
    if derived is not None and isinstance(derived.derive, Ratio):
        return fact_lasts(pack, derived.derive.part) and fact_lasts(pack, derived.derive.whole)
    return False


def evidence_lasts(pack: CriteriaPack, target_kind: str, target_id: str) -> bool:
    """Whether evidence (a photo, a document) attached to a target is carried into the new year.

    A catalogue entry's evidence lasts with the entry. An item's evidence lasts when
    the item is scored from facts that all last; an item a person scores or checks
    each year (manual, checklist) starts the year without evidence.
    """
    if target_kind == ITEM_TARGET:
        item = pack.item(target_id)
        read = rule_facts(item.rule) if item is not None else []
        return bool(read) and all(fact_lasts(pack, fact) for fact in read)
    catalog = pack.catalog(target_kind)
    entry = catalog.entry(target_id) if catalog is not None else None
    return catalog is not None and entry is not None and catalog.entry_lasts(entry)


def pending_updates(pack: CriteriaPack, answers: Answers) -> list[Pending]:
    """The yearly answers not filled in yet (待更新), in page order.

    Only what this center's level is assessed on: a fact read only by items that do
    not apply to its level is not listed (a fact no item reads is, since its page
    shows it).
    """
    level = answers.center.level
    read_at_level: set[str] = set()
    read_at_all: set[str] = set()
    for _, _, item in pack.items():
        read = set(rule_facts(item.rule)) | set(pack.rule_inputs(item.rule, level))
        read_at_all |= read
        if item.applies_to_level(level):
            read_at_level |= read

    def relevant(fact_id: str) -> bool:
        return fact_id in read_at_level or fact_id not in read_at_all

    pending: list[Pending] = []
    for fact in pack.facts:
        if not fact.lasts and answers.facts.get(fact.id) is None and relevant(fact.id):
            pending.append(Pending(f"facts.{fact.id}", fact.label, fact.page, fact.lasts_why))
    for catalog in pack.catalogs:
        answered = {a.id for a in catalog_answers(answers, catalog.answers)}
        for entry in catalog.entries:
            if catalog.entry_lasts(entry) or entry.id in answered or not relevant(catalog.fact_id(entry.id)):
                continue
            why = entry.lasts_why or catalog.lasts_why
            pending.append(Pending(f"{catalog.answers}.{entry.id}", entry.label, catalog.page, why))
    roster = pack.roster
    if roster is not None and not roster.lasts and answers.staff is None:
        pending.append(Pending("staff", roster.label, roster.page, roster.lasts_why))
    for field in pack.profile.fields:
        if not field.lasts and not _profile_value(answers, field.field):
            pending.append(Pending(field.field, field.label, pack.profile.page, field.lasts_why))
    order = {page.id: n for n, page in enumerate(pack.pages)}
    return sorted(pending, key=lambda p: order.get(p.page, len(order)))


def _profile_value(answers: Answers, name: ProfileFieldName) -> str:
    match name:
        case "center.region":
            return answers.center.region
        case "center.contact":
            return answers.center.contact
        case "assessor":
            return answers.assessor

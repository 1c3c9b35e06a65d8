"""The vocabulary a pack gives to what a center answers, as data.

Besides its scoring table, a pack says how the answers are organised and worded:

- **catalogues** (functional zones, mechanisms, ledgers): which list of the answers
  file holds them and its yes/no field, the words for yes and no, the page they are
  shown on, whether an entry has an area or evidence, and the comparison's headings;
  rules read an entry as the fact ``<catalogue id>.<entry id>`` (:func:`catalog_fact_id`);
- **fact groups**: how a group of facts is shown (questions, or a checklist of ticks
  such as the 宣传展示内容) and worded;
- **derived facts**: facts the program computes (a count of the staff roster, with a
  flag or not; a rate of two declared facts), with their labels and units;
- **the staff roster** and **the profile fields** (contact details, region, assessor);
- what **lasts** from one year to the next: every declared fact, catalogue (or entry),
  the roster and each profile field says so, with the reason where it is not obvious.

Nothing in the program's code names a fact id, a prefix or an item id: it asks the pack.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
#: What evidence attached to an item of the scoring table is filed under (other evidence is
#: filed under its catalogue's id): no catalogue may take this id.
ITEM_TARGET = "item"
FACT_ID_PATTERN = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)?$"

_Id = Annotated[str, Field(pattern=ID_PATTERN)]
_Label = Annotated[str, Field(min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def catalog_fact_id(catalog_id: str, entry_id: str) -> str:
    """The fact id under which rules read a catalogue entry (e.g. a zone's "present")."""
    return f"{catalog_id}.{entry_id}"


def split_catalog_fact_id(fact_id: str) -> tuple[str, str]:
    """(catalogue id, entry id) of a fact id made by :func:`catalog_fact_id` ("" if it has no dot)."""
    catalog_id, _, entry_id = fact_id.partition(".")
    return catalog_id, entry_id


class CatalogEntry(_Model):
    """One entry of a catalogue (a functional zone, a mechanism, a ledger)."""

    id: _Id
    label: _Label
    group: str | None = None
    lasts: bool | None = Field(default=None, description="不写表示与所在目录相同")
    lasts_why: str | None = None


class Catalog(_Model):
    """A catalogue of things a center has or has not (功能区, 工作机制, 台账), and its words."""

    id: _Id = Field(description="目录代码：规则以“代码.条目”读取条目，证明材料以它归类")
    label: _Label = Field(description="目录名称，如 功能区")
    answers: _Id = Field(description="答卷中存放本目录的列表，如 zones")
    flag: _Id = Field(description="答卷条目中的是/否字段，如 present")
    page: _Id
    yes_word: _Label = Field(description="“是”的说法，如 已设置")
    no_word: _Label = Field(description="“否”的说法，如 未设置")
    added_heading: _Label = Field(description="年度对比中新增条目的标题，如 新设功能区")
    removed_heading: _Label = Field(description="年度对比中不再具备的条目的标题，如 撤销的功能区")
    area: bool = Field(default=False, description="条目可填面积")
    evidence: bool = Field(default=False, description="条目可附照片或文件")
    lasts: bool
    lasts_why: str | None = None
    entries: Annotated[list[CatalogEntry], Field(min_length=1)]

    def entry(self, entry_id: str) -> CatalogEntry | None:
        """The entry with this id, or None."""
        return next((e for e in self.entries if e.id == entry_id), None)

    def fact_id(self, entry_id: str) -> str:
        """The fact id rules read this catalogue's entry by."""
        return catalog_fact_id(self.id, entry_id)

    def entry_lasts(self, entry: CatalogEntry) -> bool:
        """Whether this entry's answer is carried into the next year."""
        return self.lasts if entry.lasts is None else entry.lasts


class FactGroup(_Model):
    """How the facts of one ``group`` are shown and worded."""

    label: _Label = Field(description="与事实的 group 相同")
    style: Literal["questions", "checklist"] = Field(
        default="questions", description="questions 逐项是/否；checklist 勾选清单（可排成多列）"
    )
    yes_word: _Label = "是"
    no_word: _Label = "否"
    added_heading: str | None = Field(default=None, description="年度对比中新增项的标题")
    removed_heading: str | None = Field(default=None, description="年度对比中不再具备项的标题")


class RosterCount(_Model):
    """The number of people on the staff roster (with a yes/no column ticked, if given)."""

    type: Literal["roster_count"]
    flag: _Id | None = Field(default=None, description="名单中的是/否列，如 full_time；不写表示全部人数")


class Ratio(_Model):
    """``part`` ÷ ``whole``, a share from 0 to 1 (0 when ``whole`` is 0); shown as a percentage."""

    type: Literal["ratio"]
    part: str
    whole: str


Derivation = Annotated[RosterCount | Ratio, Field(discriminator="type")]


class DerivedFact(_Model):
    """A fact the program computes from other answers; rules read it like any fact."""

    id: Annotated[str, Field(pattern=FACT_ID_PATTERN)]
    label: _Label
    type: Literal["int", "rate"] = Field(description="int 人数；rate 比例（0–1，显示为百分数）")
    unit: str | None = None
    derive: Derivation


class Roster(_Model):
    """The staff roster: where it is filled in and whether it lasts."""

    label: _Label = Field(description="如 工作人员名单")
    page: _Id
    lasts: bool
    lasts_why: str | None = None


ProfileFieldName = Literal["center.region", "center.contact", "assessor"]


class ProfileField(_Model):
    """A profile field of the answers (the center's name and level always carry over)."""

    field: ProfileFieldName
    label: _Label
    lasts: bool
    lasts_why: str | None = None


class Profile(_Model):
    """The 中心概况 page and its fields."""

    page: _Id
    fields: list[ProfileField]

    def field(self, name: ProfileFieldName) -> ProfileField | None:
        return next((f for f in self.fields if f.field == name), None)

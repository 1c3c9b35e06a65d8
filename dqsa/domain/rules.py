"""The automatic rule types: what share of full marks an item earns, and why in plain words.

Each rule reads facts (answered, catalogue entries, derived) and returns an
:class:`Outcome`: the share of the item's maximum (0 to 1), whether it was
answered, and the reason as staff would say it ("中心总面积 150 m²，未达到村(社区)
不少于 200 m² 的要求"). :func:`scored_sentence` and :func:`checklist_sentence` add
the result ("，得 0 分" / "，按比例得 3.8 分" / "，符合"). Every label, unit and word
comes from the pack; the rules know no fact.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from dqsa.domain.answers import CHECKLIST_LABELS, FactValue
from dqsa.domain.criteria import (
    CountTargetRule,
    CriteriaPack,
    Rule,
    ShareOfListRule,
    ShareOfStaffRule,
    ThresholdRule,
    YesNoRule,
)
from dqsa.domain.numbers import fmt
from dqsa.domain.vocabulary import Ratio, RosterCount

#: What a rule read: fact values, and the threshold or target it compared them with.
InputValue = bool | int | Decimal

_COMPARISON_WORDS = {"at_least": "不少于", "greater_than": "大于"}


@dataclass(frozen=True)
class Outcome:
    """What a rule decided: the share of full marks earned (0..1), and why.

    ``proportional`` says a share between 0 and 1 is a proportion of the facts
    (按比例), as in a share of a list; a yes/no or a threshold is all or nothing.
    """

    share: Decimal
    answered: bool
    reason: str
    inputs: Mapping[str, InputValue]
    proportional: bool = False


def scored_sentence(outcome: Outcome, points: Decimal, max_points: Decimal) -> str:
    """The reason and the points, e.g. "…，达到 4 次的要求，得满分 5 分"."""
    if not outcome.answered:
        return f"{outcome.reason}（暂按 0 分计）"
    if points >= max_points:
        return f"{outcome.reason}，得满分 {fmt(points)} 分"
    if outcome.proportional and points > 0:
        return f"{outcome.reason}，按比例得 {fmt(points)} 分"
    return f"{outcome.reason}，得 {fmt(points)} 分"


def checklist_sentence(outcome: Outcome, met: bool) -> str:
    """The reason and the verdict, e.g. "建筑面积 260 m²，达到村(社区)大于 250 m² 的要求，符合"."""
    if not outcome.answered:
        return outcome.reason
    return f"{outcome.reason}，{CHECKLIST_LABELS['met' if met else 'not_met']}"


def _then(text: str, words: str) -> str:
    """Chinese words after a value: "4 次的要求" but "200 m² 的要求" (a space after Latin text)."""
    return f"{text}{words}" if _is_cjk(text[-1:]) else f"{text} {words}"


def _is_cjk(char: str) -> bool:
    return bool(char) and "\u4e00" <= char <= "\u9fff"


class Rules:
    """The rule types, for one pack, one center level and its resolved facts."""

    def __init__(self, pack: CriteriaPack, facts: Mapping[str, FactValue], level: str) -> None:
        self.pack = pack
        self.facts = facts
        self.level = level

    def outcome(self, rule: Rule) -> Outcome:
        match rule:
            case YesNoRule():
                return self.yes_no(rule)
            case ThresholdRule():
                return self.threshold(rule)
            case ShareOfListRule():
                return self.share_of_list(rule)
            case ShareOfStaffRule():
                return self.share_of_staff(rule)
            case CountTargetRule():
                return self.count_target(rule)
        raise TypeError(f"rule {rule.type} is not automatic")

    # -- words --------------------------------------------------------------------------------

    def _label(self, fact_id: str) -> str:
        return self.pack.fact_label(fact_id)

    def _value(self, fact_id: str, value: FactValue) -> str:
        """ "150 m²", "是", "已设置", "87.5%"."""
        return self.pack.value_text(fact_id, value)

    def _with_value(self, fact_id: str, value: FactValue) -> str:
        """ "中心总面积 150 m²"; a rate with what it was computed from."""
        text = f"{self._label(fact_id)} {self._value(fact_id, value)}"
        derived = self.pack.derived_fact(fact_id)
        if derived is not None and isinstance(derived.derive, Ratio):
            whole, part = derived.derive.whole, derived.derive.part
            given = [(f, self.facts.get(f)) for f in (whole, part)]
            text += "（" + "，".join(f"{self._with_value(f, v)}" for f, v in given if v is not None) + "）"
        return text

    def _missing(self, fact_id: str) -> Outcome:
        """Unanswered: name what to fill in (a derived fact's sources, not the fact itself)."""
        derived = self.pack.derived_fact(fact_id)
        if derived is not None and isinstance(derived.derive, RosterCount) and self.pack.roster:
            wanted = [self.pack.roster.label]
        elif derived is not None and isinstance(derived.derive, Ratio):
            sources = (derived.derive.whole, derived.derive.part)
            wanted = [self._label(f) for f in sources if self.facts.get(f) is None]
        else:
            wanted = [self._label(fact_id)]
        return Outcome(Decimal(0), False, "未填写：" + "、".join(wanted), {})

    # -- the rule types ---------------------------------------------------------------------

    def yes_no(self, rule: YesNoRule) -> Outcome:
        """Full marks when yes: "室外立旗杆、升挂党旗：是"."""
        value = self.facts.get(rule.fact)
        if value is None:
            return self._missing(rule.fact)
        reason = f"{self._label(rule.fact)}：{self._value(rule.fact, value)}"
        return Outcome(Decimal(1) if value else Decimal(0), True, reason, {rule.fact: value})

    def threshold(self, rule: ThresholdRule) -> Outcome:
        """Full marks when the level's threshold is reached: "…，达到村(社区)不少于 200 m² 的要求"."""
        found = rule.minimum_for(self.level)
        if found is None:
            return Outcome(Decimal(0), True, f"标准对{self.pack.level_label(self.level)}没有规定要求", {})
        fact_id, minimum = found
        value = self.facts.get(fact_id)
        if value is None:
            return self._missing(fact_id)
        number = Decimal(value)
        reached = number > minimum if rule.comparison == "greater_than" else number >= minimum
        whose = self.pack.level_label(self.level) if self.level in rule.by_level else ""
        minimum_text = f"{whose}{_COMPARISON_WORDS[rule.comparison]} {self._value(fact_id, minimum)}"
        wanted = _then(minimum_text, "的要求")
        reason = f"{self._with_value(fact_id, value)}，{'达到' if reached else '未达到'}{wanted}"
        inputs = {fact_id: value, "minimum": minimum}
        return Outcome(Decimal(1) if reached else Decimal(0), True, reason, inputs)

    def share_of_list(self, rule: ShareOfListRule) -> Outcome:
        """Max × the share present: "应有 2 项，已设置 1 项（未设置：业务办理区）"."""
        values = {f: self.facts.get(f) for f in rule.facts}
        missing = [f for f, v in values.items() if v is None]
        if len(missing) == len(rule.facts):
            return Outcome(Decimal(0), False, "未填写：" + "、".join(map(self._label, rule.facts)), {})
        present = [f for f, v in values.items() if v]
        absent = [f for f, v in values.items() if v is not None and not v]
        yes, no = self._list_words(rule.facts)
        total = len(rule.facts)
        if len(present) == total:
            reason = f"应有 {total} 项，全部{yes}"
        else:
            reason = f"应有 {total} 项，{yes} {len(present)} 项"
            lacking = [f"{no}：{self._labels(absent)}"] if absent else []
            lacking += [f"未填写，按{no}计：{self._labels(missing)}"] if missing else []
            reason += "（" + "；".join(lacking) + "）"
        inputs = {f: bool(v) for f, v in values.items() if v is not None}
        return Outcome(Decimal(len(present)) / Decimal(total), True, reason, inputs, proportional=True)

    def _list_words(self, facts: Sequence[str]) -> tuple[str, str]:
        """The list's own words when all its facts share them (已设置 / 未设置), else 具备 / 缺."""
        words = {self.pack.yes_no_words(f) for f in facts}
        if len(words) == 1:
            (yes, no), *_ = words
            if (yes, no) != ("是", "否"):
                return yes, no
        return "具备", "缺"

    def _labels(self, facts: Sequence[str]) -> str:
        return "、".join(map(self._label, facts))

    def share_of_staff(self, rule: ShareOfStaffRule) -> Outcome:
        """Max × part ÷ whole of two roster counts: "工作人员总数 3 人，其中党员工作人员数 2 人"."""
        part, whole = self.facts.get(rule.fact), self.facts.get(rule.of)
        if part is None or whole is None:
            return self._missing(rule.of if whole is None else rule.fact)
        inputs = {rule.fact: part, rule.of: whole}
        reason = self._with_value(rule.of, whole)
        if not whole:
            return Outcome(Decimal(0), True, reason, inputs)
        reason += f"，其中{self._with_value(rule.fact, part)}"
        return Outcome(Decimal(part) / Decimal(whole), True, reason, inputs, proportional=True)

    def count_target(self, rule: CountTargetRule) -> Outcome:
        """Max × min(count ÷ target, 1): "…学习次数 6 次，达到 4 次的要求"."""
        value = self.facts.get(rule.fact)
        if value is None:
            return self._missing(rule.fact)
        share = min(Decimal(value) / rule.target, Decimal(1))
        reached = "达到" if share >= 1 else "未达到"
        wanted = _then(f"{reached} {self._value(rule.fact, rule.target)}", "的要求")
        reason = f"{self._with_value(rule.fact, value)}，{wanted}"
        inputs = {rule.fact: value, "target": rule.target}
        return Outcome(share, True, reason, inputs, proportional=True)

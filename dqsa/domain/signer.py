"""Who signs a packet: a name and a title, each one line of sane length, printed on the cover, in the
signature section and in the signature stamp (where a long or multi-line value would forge or crowd lines)."""

from __future__ import annotations

from dqsa.domain.errors import InvalidInput, Problem
from dqsa.domain.text import single_line

#: The longest signer's name, in characters (a Chinese name is 2–4; a minority or foreign name longer).
MAX_SIGNER_NAME = 30
#: The longest signer's title (村党组织书记、社区党委副书记兼居委会主任…).
MAX_SIGNER_TITLE = 40


def check_signer(name: str, title: str) -> tuple[str, str]:
    """The name and title as signed (spaces around trimmed), or :class:`InvalidInput` naming each bad field."""
    problems: list[Problem] = []
    kept: list[str] = []
    for field, label, value, limit in (
        ("signer_name", "签署人姓名", name, MAX_SIGNER_NAME),
        ("signer_title", "签署人职务", title, MAX_SIGNER_TITLE),
    ):
        try:
            text = single_line(value).strip()
        except ValueError as exc:
            problems.append(Problem(field, f"{label}{exc}"))
            continue
        if not text:
            problems.append(Problem(field, f"请填写{label}"))
        elif len(text) > limit:
            problems.append(Problem(field, f"{label}太长（{len(text)} 个字，最多 {limit} 个字）"))
        kept.append(text)
    if problems:
        raise InvalidInput(problems)
    return kept[0], kept[1]

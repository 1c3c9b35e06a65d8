"""Every place compares fingerprints the same way: one spelling-blind comparison in the domain."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dqsa.domain.fingerprint import plain_fingerprint, same_fingerprint


@given(st.text(alphabet="0123456789abcdefABCDEF", min_size=64, max_size=64))
def test_every_spelling_of_a_fingerprint_is_the_same(digits: str) -> None:
    pairs = ":".join(digits[i : i + 2] for i in range(0, 64, 2))
    groups = " ".join(digits[i : i + 4] for i in range(0, 64, 4))
    dashed = "-".join(digits[i : i + 8] for i in range(0, 64, 8)).lower()
    assert (
        plain_fingerprint(pairs) == plain_fingerprint(groups) == plain_fingerprint(dashed) == digits.upper()
    )
    assert same_fingerprint(pairs, groups) and same_fingerprint(groups, dashed)
    assert not same_fingerprint(pairs, groups[:-1] + ("0" if groups[-1] != "0" else "1"))


def test_the_store_counts_a_fingerprint_once_however_it_was_written(tmp_path, data_dir) -> None:
    from dqsa.answers_file import load_answers_file
    from dqsa.store.service import CenterStore

    digits = "AB12" * 16
    groups = " ".join(digits[i : i + 4] for i in range(0, 64, 4))
    pairs = ":".join(digits[i : i + 2] for i in range(0, 64, 2))
    with CenterStore.open(tmp_path / "c.dqsa", create=True) as store:
        store.import_answers(load_answers_file(data_dir / "village-weak.json"))
        store.mark_signed(2026, signer="张伟", fingerprint=pairs)
        store.reopen(2026, reason="补充")
        store.mark_signed(2026, signer="张伟", fingerprint=groups)
        assert len(store.signed_fingerprints()) == 1

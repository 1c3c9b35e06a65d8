"""A center's signing identity follows the file across a rename; certificates hold any center name."""

from __future__ import annotations

import dataclasses
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dqsa.export.identity import (
    CERTIFICATE_NAME_BYTES,
    KEY_FILE,
    certificate_name,
    create_identity,
    identity_folder,
    identity_state,
)

PASSPHRASE = "改名不换人2026"


def _export(store, out: Path):
    from dqsa.export.packet import export_packet

    return export_packet(
        store, 2026, signer_name="张伟", signer_title="书记", passphrase=PASSPHRASE, out_dir=out
    )


@pytest.fixture
def store(tmp_path: Path, data_dir: Path):
    from dqsa.answers_file import load_answers_file
    from dqsa.store.service import CenterStore

    with CenterStore.open(tmp_path / "中心.dqsa", create=True) as opened:
        opened.import_answers(load_answers_file(data_dir / "village-weak.json"))
        yield opened


def _rename(store, name: str) -> str:
    """Rename the center as the staff do: in the year's profile (reopening a year already sent)."""
    old = store.center().name
    if store.signed_fingerprints():
        store.reopen(2026, reason="中心更名")
    store.set_profile(2026, name=name)
    store.set_center(dataclasses.replace(store.center(), name=name))
    return old


def test_a_renamed_center_signs_with_the_same_identity(store, tmp_path: Path) -> None:
    from dqsa.export.verify import verify_packet

    first = _export(store, tmp_path / "一")
    old_name = _rename(store, "某某村（社区）党群服务中心")
    assert identity_state("某某村（社区）党群服务中心") == "none"  # nothing kept under the new name yet
    assert identity_state("某某村（社区）党群服务中心", store.signed_fingerprints()) == "ready"

    second = _export(store, tmp_path / "二")

    assert second.fingerprint == first.fingerprint and not second.created_identity
    assert second.identity_event is None  # the level above sees no new fingerprint: nothing to record
    assert verify_packet(second.path).ok
    assert "某某村（社区）党群服务中心" in second.path.name
    new_folder, old_folder = identity_folder("某某村（社区）党群服务中心"), identity_folder(old_name)
    assert (new_folder / KEY_FILE).is_file() and (
        old_folder / KEY_FILE
    ).is_file()  # a name changed back works too
    if sys.platform != "win32":
        assert stat.S_IMODE((new_folder / KEY_FILE).stat().st_mode) == 0o600
        assert stat.S_IMODE(new_folder.stat().st_mode) == 0o700
    assert not list(new_folder.parent.glob(".adopt-*"))


def test_without_a_fingerprint_the_file_signed_with_nothing_is_adopted(store, tmp_path: Path) -> None:
    other = create_identity("邻村党群服务中心", PASSPHRASE)  # another center's identity on this computer
    _rename(store, "从未签署过的中心")
    result = _export(store, tmp_path)
    assert result.created_identity and result.fingerprint != other.fingerprint


def test_an_earlier_name_without_its_key_is_still_a_missing_identity(store, tmp_path: Path) -> None:
    from dqsa.export.identity import IdentityMissing

    first = _export(store, tmp_path / "一")
    old_name = _rename(store, "改了名的中心")
    (identity_folder(old_name) / KEY_FILE).unlink()
    with pytest.raises(IdentityMissing) as missing:
        _export(store, tmp_path / "二")
    assert first.fingerprint in missing.value.previous
    assert not (tmp_path / "二").exists() or not list((tmp_path / "二").glob("*.zip"))


def test_a_long_chinese_center_name_gets_a_certificate(store, tmp_path: Path) -> None:
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    long_name = "湖州市吴兴区爱山街道小西街社区党群服务中心（社会组织综合服务站）"
    assert len(long_name.encode("utf-8")) > CERTIFICATE_NAME_BYTES
    _rename(store, long_name)
    result = _export(store, tmp_path)
    certificate = x509.load_pem_x509_certificate(
        (identity_folder(long_name) / "certificate.pem").read_bytes()
    )
    common_name = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    assert isinstance(common_name, str) and common_name.endswith("…")
    assert (
        long_name.startswith(common_name[:-1]) and len(common_name.encode("utf-8")) <= CERTIFICATE_NAME_BYTES
    )
    assert result.path.is_file()


@given(st.text(min_size=1, max_size=80))
def test_certificate_names_fit_in_64_bytes_of_whole_characters(name: str) -> None:
    fitted = certificate_name(name)
    assert len(fitted.encode("utf-8")) <= CERTIFICATE_NAME_BYTES
    if len(name.encode("utf-8")) <= CERTIFICATE_NAME_BYTES:
        assert fitted == name
    else:
        assert fitted.endswith("…") and name.startswith(fitted[:-1]) and fitted[:-1]

"""The signing key: private files, a strong KDF, distinct messages, never silently replaced, backed up."""

from __future__ import annotations

import base64
import json
import os
import re
import stat
import sys
from pathlib import Path

import pytest

from dqsa.cli import EXIT_FAILED, EXIT_OK, main
from dqsa.export.identity import (
    CERT_FILE,
    KEY_FILE,
    LEGACY_KEY_FILE,
    DamagedCertificate,
    DamagedKey,
    IdentityError,
    IdentityMissing,
    WrongPassphrase,
    create_identity,
    has_identity,
    identities_root,
    identity_folder,
    identity_state,
    load_identity,
    open_or_create_identity,
    retired_folders,
)
from dqsa.export.identity_backup import (
    BackupDamaged,
    IdentityConflict,
    backup_identity,
    read_backup,
    restore_identity,
)
from dqsa.export.wording import fingerprint_text

CENTER = "安吉县递铺街道某村（社区）党群服务中心"
PASSPHRASE = "清溪村口令2026"
POSIX = os.name == "posix"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def legacy_identity(center: str, passphrase: str) -> str:
    """An identity as the first release wrote it: PKCS#8 with PBKDF2-2048, 0644 in 0755 folders."""
    from cryptography.hazmat.primitives import serialization

    from dqsa.export.identity import _new_key_and_certificate, fingerprint_of

    key, certificate_pem = _new_key_and_certificate(center)
    folder = identity_folder(center)
    folder.mkdir(parents=True)
    os.chmod(folder, 0o755)
    os.chmod(identities_root(), 0o755)
    (folder / LEGACY_KEY_FILE).write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
        )
    )
    os.chmod(folder / LEGACY_KEY_FILE, 0o644)
    (folder / CERT_FILE).write_bytes(certificate_pem)
    (folder / "center.txt").write_text(center, encoding="utf-8")
    from cryptography import x509

    return fingerprint_of(
        x509.load_pem_x509_certificate(certificate_pem).public_bytes(serialization.Encoding.DER)
    )


# --- files and the KDF ----------------------------------------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="file modes are POSIX; Windows relies on the per-user folder's ACL")
def test_the_key_is_user_only_in_user_only_folders() -> None:
    identity = create_identity(CENTER, PASSPHRASE)

    assert mode(identity.folder / KEY_FILE) == 0o600
    assert mode(identity.folder) == 0o700
    assert mode(identities_root()) == 0o700


def test_the_key_is_sealed_with_scrypt_not_pbkdf2_2048() -> None:
    identity = create_identity(CENTER, PASSPHRASE)

    sealed = json.loads((identity.folder / KEY_FILE).read_text(encoding="utf-8"))
    assert sealed["kdf"]["name"] == "scrypt"
    assert sealed["kdf"]["n"] * sealed["kdf"]["r"] * sealed["kdf"]["p"] >= 2**17  # OWASP's floor
    assert "PRIVATE KEY" not in (identity.folder / KEY_FILE).read_text(encoding="utf-8")
    assert not (identity.folder / LEGACY_KEY_FILE).exists()
    assert identity.change is not None and identity.change.kind == "created"


@pytest.mark.parametrize("weak", ["1234567", "12345678901", "aaaaaaaaaa", "       12"])
def test_weak_passphrases_are_refused_with_the_rules(weak: str) -> None:
    with pytest.raises(IdentityError, match="至少 8 个字符"):
        create_identity(CENTER, weak)
    assert not has_identity(CENTER)


def test_a_key_of_the_first_release_opens_and_is_re_encrypted() -> None:
    fingerprint = legacy_identity(CENTER, "旧口令123")  # 6 characters were allowed then: still opens
    folder = identity_folder(CENTER)

    first = load_identity(CENTER, "旧口令123")

    assert first.fingerprint == fingerprint
    assert first.change is not None and first.change.kind == "re-encrypted"
    assert not (folder / LEGACY_KEY_FILE).exists()
    assert json.loads((folder / KEY_FILE).read_text(encoding="utf-8"))["kdf"]["name"] == "scrypt"
    if POSIX:
        assert (mode(folder / KEY_FILE), mode(folder), mode(identities_root())) == (0o600, 0o700, 0o700)
    again = load_identity(CENTER, "旧口令123")
    assert again.fingerprint == fingerprint and again.change is None
    with pytest.raises(WrongPassphrase):
        load_identity(CENTER, "别的口令123")


# --- distinct messages --------------------------------------------------------------------------------


def _flip_data(path: Path) -> None:
    sealed = json.loads(path.read_text(encoding="utf-8"))
    data = bytearray(base64.b64decode(sealed["data"]))
    data[len(data) // 2] ^= 1
    sealed["data"] = base64.b64encode(bytes(data)).decode()
    path.write_text(json.dumps(sealed), encoding="utf-8")


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(b""),
        lambda p: p.write_bytes(b"garbage, not a key"),
        lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
        _flip_data,
        lambda p: p.write_text(
            json.dumps(
                {
                    **json.loads(p.read_text()),
                    "kdf": {"name": "scrypt", "n": 2**30, "r": 8, "p": 1, "salt": "AA=="},
                }
            )
        ),
    ],
)
def test_a_damaged_key_is_not_called_a_wrong_passphrase(damage) -> None:
    identity = create_identity(CENTER, PASSPHRASE)
    damage(identity.folder / KEY_FILE)

    with pytest.raises(DamagedKey, match="已损坏") as caught:
        load_identity(CENTER, PASSPHRASE)
    assert "不是口令的问题" in str(caught.value)
    assert not isinstance(caught.value, WrongPassphrase)


def test_a_wrong_passphrase_is_called_so() -> None:
    create_identity(CENTER, PASSPHRASE)

    with pytest.raises(WrongPassphrase, match="口令不对"):
        load_identity(CENTER, "不对的口令123")


@pytest.mark.parametrize(
    "content", [b"", b"-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"]
)
def test_a_damaged_key_of_the_first_release_is_not_a_wrong_passphrase(content: bytes) -> None:
    legacy_identity(CENTER, "旧口令123")
    (identity_folder(CENTER) / LEGACY_KEY_FILE).write_bytes(content)

    with pytest.raises(DamagedKey):
        load_identity(CENTER, "旧口令123")


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(b"-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n"),
        lambda p: p.write_bytes(b""),
        lambda p: p.unlink(),
        lambda p: p.write_bytes(create_identity("别的中心", "别的中心口令123").certificate_pem),
    ],
)
def test_a_damaged_certificate_has_its_own_message(damage) -> None:
    identity = create_identity(CENTER, PASSPHRASE)
    damage(identity.folder / CERT_FILE)

    with pytest.raises(DamagedCertificate, match="证书"):
        load_identity(CENTER, PASSPHRASE)


# --- never replaced silently -------------------------------------------------------------------------------


def test_a_deleted_key_is_never_silently_a_new_identity(tmp_path: Path) -> None:
    identity = create_identity(CENTER, PASSPHRASE)
    certificate = (identity.folder / CERT_FILE).read_bytes()
    (identity.folder / KEY_FILE).unlink()

    assert identity_state(CENTER) == "key-missing" and has_identity(CENTER)
    with pytest.raises(IdentityMissing) as caught:
        open_or_create_identity(CENTER, PASSPHRASE)
    assert identity.fingerprint in str(caught.value)
    assert caught.value.previous == (identity.fingerprint,)
    assert "恢复签署身份" in str(caught.value) and "新的证书指纹" in str(caught.value)
    assert (identity.folder / CERT_FILE).read_bytes() == certificate  # not overwritten
    with pytest.raises(IdentityError, match="已经有签署身份"):
        create_identity(CENTER, PASSPHRASE)

    fresh = create_identity(CENTER, PASSPHRASE, replace=True)  # the explicit act

    assert fresh.fingerprint != identity.fingerprint
    assert fresh.change is not None and fresh.change.kind == "replaced"
    assert (fresh.change.old_fingerprint, fresh.change.new_fingerprint) == (
        identity.fingerprint,
        fresh.fingerprint,
    )
    retired = retired_folders(CENTER)
    assert len(retired) == 1 and (retired[0] / CERT_FILE).read_bytes() == certificate  # kept


def test_a_whole_missing_folder_with_retired_identities_or_known_fingerprints_is_missing() -> None:
    first = create_identity(CENTER, PASSPHRASE)
    create_identity(CENTER, PASSPHRASE, replace=True)
    import shutil

    shutil.rmtree(identity_folder(CENTER))
    with pytest.raises(IdentityMissing) as caught:
        open_or_create_identity(CENTER, PASSPHRASE)
    assert first.fingerprint in caught.value.previous

    with pytest.raises(IdentityMissing) as known:
        open_or_create_identity("新电脑上的中心", PASSPHRASE, known_fingerprints=["AB:CD"])
    assert known.value.previous == ("AB:CD",)
    identity, created = open_or_create_identity("从没签过的中心", PASSPHRASE)
    assert created and identity.change is not None and identity.change.old_fingerprint is None


def test_export_after_the_key_was_deleted_says_it_is_missing(tmp_path: Path, data_dir: Path) -> None:
    from dqsa.answers_file import load_answers_file
    from dqsa.export.packet import export_packet
    from dqsa.store.service import CenterStore

    with CenterStore.open(tmp_path / "中心.dqsa", create=True) as store:
        store.import_answers(load_answers_file(data_dir / "village-weak.json"))
        first = create_identity(CENTER, PASSPHRASE)
        (first.folder / KEY_FILE).unlink()
        with pytest.raises(IdentityMissing):
            export_packet(
                store, 2026, signer_name="张伟", signer_title="书记", passphrase=PASSPHRASE, out_dir=tmp_path
            )
    assert not list(tmp_path.glob("*.zip"))
    assert identity_state(CENTER) == "key-missing"


# --- backup and restore ---------------------------------------------------------------------------------------


def test_backup_and_restore_on_a_new_laptop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    identity = create_identity(CENTER, PASSPHRASE)
    (tmp_path / "U盘").mkdir()
    info = backup_identity(CENTER, PASSPHRASE, tmp_path / "U盘")

    assert info.path.name.endswith("签署身份备份.dqsa-identity") and info.fingerprint == identity.fingerprint
    text = info.path.read_text(encoding="utf-8")
    assert "PRIVATE KEY" not in text and "CERTIFICATE" not in text
    if POSIX:
        assert mode(info.path) == 0o600

    monkeypatch.setenv("DQSA_HOME", str(tmp_path / "新电脑"))
    assert not has_identity(CENTER)
    shown = read_backup(info.path)
    assert (shown.center_name, shown.fingerprint) == (CENTER, identity.fingerprint)
    with pytest.raises(WrongPassphrase):
        restore_identity(info.path, "不对的口令123")

    restored = restore_identity(info.path, PASSPHRASE)

    assert restored.fingerprint == identity.fingerprint
    assert restored.change is not None and restored.change.kind == "restored"
    assert load_identity(CENTER, PASSPHRASE).fingerprint == identity.fingerprint
    again, created = open_or_create_identity(CENTER, PASSPHRASE)
    assert not created and again.fingerprint == identity.fingerprint


def test_restore_puts_back_a_lost_key_of_the_same_identity(tmp_path: Path) -> None:
    identity = create_identity(CENTER, PASSPHRASE)
    info = backup_identity(CENTER, PASSPHRASE, tmp_path / "备份.dqsa-identity")
    (identity.folder / KEY_FILE).unlink()

    restored = restore_identity(info.path, PASSPHRASE)

    assert restored.fingerprint == identity.fingerprint
    assert restored.change is not None and restored.change.old_fingerprint == identity.fingerprint
    assert retired_folders(CENTER) == []


def test_restoring_over_another_identity_needs_consent(tmp_path: Path) -> None:
    old = create_identity(CENTER, PASSPHRASE)
    info = backup_identity(CENTER, PASSPHRASE, tmp_path / "旧.dqsa-identity")
    newer = create_identity(CENTER, "另一个口令123", replace=True)

    with pytest.raises(IdentityConflict) as caught:
        restore_identity(info.path, PASSPHRASE)
    assert old.fingerprint in str(caught.value) and newer.fingerprint in str(caught.value)
    assert load_identity(CENTER, "另一个口令123").fingerprint == newer.fingerprint

    restored = restore_identity(info.path, PASSPHRASE, replace_current=True)

    assert restored.fingerprint == old.fingerprint
    assert restored.change is not None and restored.change.old_fingerprint == newer.fingerprint
    kept = {(folder / CERT_FILE).read_bytes() for folder in retired_folders(CENTER)}
    assert newer.certificate_pem in kept


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(b"not a backup"),
        lambda p: p.write_bytes(p.read_bytes()[:100]),
        _flip_data,
        lambda p: p.write_text(json.dumps({**json.loads(p.read_text()), "center": "冒名中心"})),
    ],
)
def test_a_damaged_or_altered_backup_is_refused(damage, tmp_path: Path) -> None:
    create_identity(CENTER, PASSPHRASE)
    info = backup_identity(CENTER, PASSPHRASE, tmp_path / "备份.dqsa-identity")
    damage(info.path)

    with pytest.raises(BackupDamaged, match="已损坏"):
        restore_identity(info.path, PASSPHRASE)


def test_backup_and_restore_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    identity = create_identity(CENTER, PASSPHRASE)
    monkeypatch.setenv("DQSA_TEST_PASS", PASSPHRASE)
    monkeypatch.setenv("DQSA_WRONG_PASS", "不对的口令123")
    target = tmp_path / "备份 文件.dqsa-identity"

    assert (
        main(
            [
                "identity",
                "backup",
                "--center",
                CENTER,
                "--out",
                str(target),
                "--passphrase-env",
                "DQSA_TEST_PASS",
            ]
        )
        == EXIT_OK
    )
    grouped = fingerprint_text(identity.fingerprint)  # as on the report's cover: groups of four
    assert f"证书指纹：{grouped}" in capsys.readouterr().out
    monkeypatch.setenv("DQSA_HOME", str(tmp_path / "新电脑"))
    assert main(["identity", "restore", str(target), "--passphrase-env", "DQSA_WRONG_PASS"]) == EXIT_FAILED
    assert "口令不对" in capsys.readouterr().err
    assert main(["identity", "restore", str(target), "--passphrase-env", "DQSA_TEST_PASS"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(f"备份中的签署身份：{CENTER}　证书指纹：{grouped}　备份时间：")
    assert re.search(
        r"备份时间：\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d（UTC[+-]\d\d:\d\d）", out.splitlines()[0]
    )
    assert grouped in out.splitlines()[-1] and identity.fingerprint not in out

    create_identity(CENTER, "新电脑口令123", replace=True)
    assert main(["identity", "restore", str(target), "--passphrase-env", "DQSA_TEST_PASS"]) == EXIT_FAILED
    assert "--replace" in capsys.readouterr().err
    assert (
        main(["identity", "restore", str(target), "--replace", "--passphrase-env", "DQSA_TEST_PASS"])
        == EXIT_OK
    )
    assert load_identity(CENTER, PASSPHRASE).fingerprint == identity.fingerprint
    assert (
        main(
            [
                "identity",
                "backup",
                "--center",
                "没有的中心",
                "--out",
                str(tmp_path),
                "--passphrase-env",
                "DQSA_TEST_PASS",
            ]
        )
        == EXIT_FAILED
    )


def test_the_first_release_key_test_helper_really_is_pbkdf2_2048() -> None:
    """Guards the fixture above: the legacy key must be what the first release wrote."""
    from asn1crypto import keys

    legacy_identity(CENTER, "旧口令123")
    pem = (identity_folder(CENTER) / LEGACY_KEY_FILE).read_bytes()
    der = base64.b64decode(b"".join(pem.splitlines()[1:-1]))
    algorithm = keys.EncryptedPrivateKeyInfo.load(der)["encryption_algorithm"]
    assert algorithm["algorithm"].native == "pbes2"
    assert algorithm["parameters"]["key_derivation_func"]["parameters"]["iteration_count"].native <= 2048
    assert sys.platform  # keep the import of sys used on every platform

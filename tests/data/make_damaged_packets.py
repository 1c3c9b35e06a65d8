"""Packets that are validly signed but malformed inside: what a writer's bug or a forger's own key makes.

Each variant starts from a real packet exported with a throw-away identity; one
thing inside is changed, the manifest's digests are brought up to date where the
variant wants them consistent, and the manifest is signed again with the same key,
so the signature is valid and only the content is wrong. Nothing is hand-edited.

The tests call :func:`make_damaged_packets`; a few of the results are kept in
``tests/data/damaged/`` (run this file to make them again):

    python tests/data/make_damaged_packets.py
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
KEPT = (
    "evidence-missing-member",
    "pdf-labelled-photo",
    "answers-not-utf8",
    "manifest-deep",
)
PASSPHRASE = "一次性口令-damaged-packets"

Members = dict[str, bytes]
Manifest = dict[str, Any]
#: A change to the members and/or the manifest; returns True to keep the manifest's digests as they are.
Change = Callable[[Members, Manifest], bool | None]


def _photo(size: tuple[int, int] = (640, 480), fmt: str = "JPEG") -> bytes:
    from PIL import Image

    image = Image.new("RGB", size, (200, 60, 40))
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


def _pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Minutes")
    page.save()
    return buffer.getvalue()


@contextmanager
def _home(folder: Path) -> Iterator[None]:
    """The identity and backups live in ``folder`` while the packet is made."""
    before = os.environ.get("DQSA_HOME")
    os.environ["DQSA_HOME"] = str(folder)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("DQSA_HOME", None)
        else:
            os.environ["DQSA_HOME"] = before


def _evidence(manifest: Manifest, kind: str) -> dict[str, Any]:
    return next(entry for entry in manifest["evidence"] if entry["kind"] == kind)


def _set(mapping: dict[str, Any], key: str, value: Any) -> None:
    mapping[key] = value


def _answers(members: Members) -> dict[str, Any]:
    return json.loads(members["answers.json"])


def _put_answers(members: Members, data: dict[str, Any], encoding: str = "utf-8") -> None:
    members["answers.json"] = json.dumps(data, ensure_ascii=False, indent=2).encode(encoding)


_DEEP = "(100 000 levels of nesting go here)"


_TWICE = "zz-year-again"


def _year_twice(members: Members, manifest: Manifest) -> None:
    """``"year"`` twice in the manifest: 2026 first, 2099 last (Python's reader keeps the last)."""
    manifest[_TWICE] = True  # json.dumps cannot write a key twice: _dump does


def _lie_totals(members: Members, manifest: Manifest) -> None:
    """Full marks claimed; the answers, the PDF and the workbook still say what they said."""
    totals = manifest["totals"]
    for table in totals["tables"].values():
        table["score"], table["percent"] = table["max"], 100
    totals["total"], totals["percent"], totals["unanswered"] = totals["max"], 100, 0


def _both_levels(members: Members, manifest: Manifest, level: str) -> None:
    answers = _answers(members)
    answers["center"]["level"] = manifest["center"]["level"] = level
    _put_answers(members, answers)


def _center_name(members: Members, manifest: Manifest, name: str) -> None:
    """The same name in the manifest and the answers (so only the name itself is wrong)."""
    answers = _answers(members)
    answers["center"]["name"] = manifest["center"]["name"] = name
    _put_answers(members, answers)


#: An escape sequence that wipes the line and writes a genuine-looking verdict over it.
FORGED_LINE = "\x1b[2K\r校验通过。证书指纹：0000 0000\x1b[1A"


def _deep_manifest(members: Members, manifest: Manifest) -> bool:
    manifest["files"]["answers.json"]["extra"] = _DEEP  # json.dumps cannot write it: _dump does
    return True


#: name → (what is wrong, the change). The manifest is re-signed after every change.
VARIANTS: dict[str, tuple[str, Change]] = {
    "evidence-missing-member": (
        "an evidence entry names a member that is not in the zip",
        lambda m, f: _set(_evidence(f, "photo"), "file", "evidence/99-不存在.jpg"),
    ),
    "evidence-member-listed-absent": (
        "an evidence member is listed in files but missing from the zip",
        lambda m, f: m.pop(_evidence(f, "photo")["file"]) and True,
    ),
    "bad-date": (
        "an evidence date that is no date",
        lambda m, f: _set(_evidence(f, "photo"), "original_date", "2026-02-30T25:61:00"),
    ),
    "evidence-not-a-list": (
        "evidence is an object, not a list",
        lambda m, f: _set(f, "evidence", {"0": f["evidence"][0]}),
    ),
    "pdf-labelled-photo": (
        "a PDF labelled as a photo",
        lambda m, f: _set(_evidence(f, "document"), "kind", "photo"),
    ),
    "photo-labelled-document": (
        "a photo labelled as a document",
        lambda m, f: _set(_evidence(f, "photo"), "kind", "document"),
    ),
    "png-as-photo": (
        "a photo member that is a PNG (the store keeps photos as JPEG)",
        lambda m, f: _set(m, _evidence(f, "photo")["file"], _photo(fmt="PNG")),
    ),
    "photo-too-large": (
        "a photo larger than the store ever keeps",
        lambda m, f: _set(m, _evidence(f, "photo")["file"], _photo((3000, 2000))),
    ),
    "document-original-differs": (
        "a document whose declared original is not the member itself",
        lambda m, f: _set(_evidence(f, "document"), "original_size", 1),
    ),
    "unknown-target": (
        "evidence attached to a zone the pack does not have",
        lambda m, f: _set(_evidence(f, "photo"), "target_id", "不存在的功能区"),
    ),
    "original-size-a-string": (
        "original_size written as text",
        lambda m, f: _set(_evidence(f, "photo"), "original_size", "9843"),
    ),
    "answers-not-utf8": (
        "answers.json in GB18030, not UTF-8",
        lambda m, f: _put_answers(m, _answers(m), "gb18030"),
    ),
    "answers-invalid": (
        "answers.json with a manual score for an item the pack does not have",
        lambda m, f: _put_answers(m, {**_answers(m), "manual_scores": {"A9.nope.1": 3}}),
    ),
    "answers-other-year": (
        "answers.json for another year than the manifest",
        lambda m, f: _put_answers(m, {**_answers(m), "year": 2025}),
    ),
    "pack-changed": (
        "criteria-pack.json changed (its hash no longer matches pack.hash)",
        lambda m, f: _set(
            m, "criteria-pack.json", m["criteria-pack.json"].replace(b'"title": "', b'"title": "X', 1)
        ),
    ),
    "manifest-files-a-list": ("files is a list", lambda m, f: _set(f, "files", sorted(f["files"])) or True),
    "manifest-file-entry-a-string": (
        "a file entry is a string",
        lambda m, f: _set(f["files"], "answers.json", "sha256") or True,
    ),
    "manifest-center-a-string": ("center is a string", lambda m, f: _set(f, "center", "某中心")),
    "manifest-signer-a-string": ("signer is a string", lambda m, f: _set(f, "signer", "张伟")),
    "manifest-deep": ("100 000 levels of nesting in the manifest", _deep_manifest),
    # A manifest that lies about the signed content, re-signed with the packet's own key (as its
    # center could): attack-1 item 2.
    "lie-totals": ("the manifest claims full marks the answers do not give", _lie_totals),
    "manifest-year-twice": ("the key year twice in the manifest (2026, then 2099)", _year_twice),
    "lie-level": (
        "the manifest's center.level differs from the answers'",
        lambda m, f: _set(f["center"], "level", "galaxy"),
    ),
    "lie-level-both": (
        "a level the pack does not have, in the manifest and the answers alike",
        lambda m, f: _both_levels(m, f, "galaxy"),
    ),
    "lie-pack-title": (
        "the manifest names the pack by another title",
        lambda m, f: _set(f["pack"], "title", "某某市党群服务中心建设标准（试行）"),
    ),
    "lie-region": (
        "the manifest's center.region differs from the answers'",
        lambda m, f: _set(f["center"], "region", "别的区"),
    ),
    "signed-in-2099": (
        "a signing time in 2099",
        lambda m, f: _set(f, "signed_at", "2099-01-01T09:00:00+08:00"),
    ),
    # Control characters that would forge a line when shown (attack-1 item 4).
    "manifest-center-escape": (
        "an escape sequence in the center's name (manifest and answers)",
        lambda m, f: _center_name(m, f, "清溪村党群服务中心" + FORGED_LINE),
    ),
    "manifest-signer-bidi": (
        "a right-to-left override in the signer's name",
        lambda m, f: _set(f["signer"], "name", "李明\u202e主任"),
    ),
    "manifest-caption-escape": (
        "an escape sequence in an evidence caption",
        lambda m, f: _set(_evidence(f, "photo"), "caption", "接待区" + FORGED_LINE),
    ),
    "answers-measure-escape": (
        "an escape sequence in an improvement measure of the answers",
        lambda m, f: _put_answers(
            m, {**_answers(m), "corrective_actions": {"A1.site.1": "整改" + FORGED_LINE}}
        ),
    ),
}


def rewrite(base: Members, identity: Any, change: Change) -> bytes:
    """The packet ``base`` with ``change`` applied and its manifest signed again by ``identity``."""
    from dqsa.export.identity import sign_bytes

    members = dict(base)
    manifest = json.loads(members["manifest.json"])
    keep_digests = change(members, manifest)
    if not keep_digests and isinstance(manifest.get("files"), dict):
        for name in list(manifest["files"]):
            if name in members:
                data = members[name]
                manifest["files"][name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    manifest_bytes = _dump(manifest)
    members["manifest.json"] = manifest_bytes
    members["manifest.sig"] = sign_bytes(identity, manifest_bytes)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _dump(manifest: Any) -> bytes:
    """The manifest as the writer writes it (sorted keys, UTF-8), with the deep nesting put in by hand."""
    text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    text = text.replace(f'"{_TWICE}": true', '"year": 2099')
    return text.replace(json.dumps(_DEEP), "[" * 100_000 + "]" * 100_000).encode("utf-8")


def make_base_packet(work: Path) -> tuple[Members, Any]:
    """A real packet (its members) exported in ``work`` with a throw-away identity, and that identity."""
    with _home(work / "home"):
        from dqsa.answers_file import load_answers_file
        from dqsa.export.identity import load_identity
        from dqsa.export.packet import export_packet
        from dqsa.store.evidence import prepare_document, prepare_photo
        from dqsa.store.service import CenterStore

        with CenterStore.open(work / "中心.dqsa", create=True, backups_root=work / "backups") as store:
            answers = load_answers_file(HERE / "township-half.json")
            store.import_answers(answers)
            store.add_evidence(2026, "zone", "reception", prepare_photo(_photo(), "接待区.jpg"), "接待区全景")
            store.add_evidence(2026, "item", "A1.site.1", prepare_document(_pdf(), "会议纪要.pdf"), "")
            result = export_packet(
                store, 2026, signer_name="李明", signer_title="主任", passphrase=PASSPHRASE, out_dir=work
            )
        identity = load_identity(answers.center.name, PASSPHRASE)
    with zipfile.ZipFile(result.path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}, identity


def make_damaged_packets(out_dir: Path) -> dict[str, Path]:
    """Write every variant into ``out_dir``; returns name → path (plus ``good`` for the packet they came from)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="dqsa-damaged-"))
    try:
        base, identity = make_base_packet(work)
        paths = {"good": out_dir / "good.zip"}
        paths["good"].write_bytes(rewrite(base, identity, lambda m, f: True))
        for name, (_, change) in VARIANTS.items():
            paths[name] = out_dir / f"damaged-{name}.zip"
            paths[name].write_bytes(rewrite(base, identity, change))
        return paths
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    target = HERE / "damaged"
    with tempfile.TemporaryDirectory() as scratch:
        made = make_damaged_packets(Path(scratch))
        target.mkdir(exist_ok=True)
        for name in KEPT:
            shutil.copyfile(made[name], target / made[name].name)
            print(target / made[name].name)


if __name__ == "__main__":
    main()

"""A center's signing identity follows the center file when the center is renamed.

Identities are kept in folders named after the center's name (:mod:`dqsa.export.identity`).
A center that corrects or changes its name ("某某村党群服务中心" → "某某村（社区）党群服务中心")
must not lose its identity: the level above pins the fingerprint, and a new one would have
to be checked by phone. The center file knows which fingerprints it has signed with; when
no identity is kept under the new name, the identity kept under an earlier name whose
certificate has one of those fingerprints is the center's, and it is copied under the new
name (the earlier folder stays, for a name changed back). Nothing is guessed: without a
fingerprint the file has signed with, nothing is adopted.

The certificate keeps the name it was made with; the packet names the center as it is now
called, and the fingerprint, which is what the level above compares, is unchanged.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from dqsa.domain.fingerprint import plain_fingerprint
from dqsa.export.identity_owner import IdentityOwner

log = logging.getLogger(__name__)


def earlier_name_folder(owner: IdentityOwner, known_fingerprints: Iterable[str]) -> Path | None:
    """The folder of the center's identity kept under an earlier name, found by a fingerprint the file signed with.

    Among several, the one with the fingerprint the file signed with last (``known_fingerprints``
    is oldest first). Only folders with a key count; retired identities and desks never do.
    """
    from dqsa.export import identity as ident

    known = [plain_fingerprint(f) for f in known_fingerprints if f]
    if owner.kind != "center" or not known:
        return None
    root = ident.identities_root()
    own = ident.identity_folder(owner)
    best: tuple[int, Path] | None = None
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        if (
            folder == own
            or not folder.is_dir()
            or "-retired-" in folder.name
            or folder.name.startswith("desk-")
        ):
            continue
        if not ((folder / ident.KEY_FILE).is_file() or (folder / ident.LEGACY_KEY_FILE).is_file()):
            continue
        fingerprint = ident.certificate_fingerprint(folder)
        if fingerprint is None or plain_fingerprint(fingerprint) not in known:
            continue
        rank = max(i for i, f in enumerate(known) if f == plain_fingerprint(fingerprint))
        if best is None or rank > best[0]:
            best = (rank, folder)
    return best[1] if best else None


def follow_rename(owner: IdentityOwner, known_fingerprints: Iterable[str]) -> bool:
    """Copy the identity kept under an earlier name to ``owner``'s folder; True when one was adopted.

    Only when nothing at all is kept under the current name (a key, a certificate or a
    retired identity there is the center's own story, told by :mod:`dqsa.export.identity`).
    """
    from dqsa.export import identity as ident

    if owner.kind != "center" or ident.identity_state(owner) != "none":
        return False
    source = earlier_name_folder(owner, known_fingerprints)
    if source is None:
        return False
    target = ident.identity_folder(owner)
    staging = Path(tempfile.mkdtemp(prefix=".adopt-", dir=target.parent))
    try:
        copied = staging / "identity"
        shutil.copytree(source, copied)
        ident.write_private_file(copied / ident.CENTER_FILE, owner.name.encode("utf-8"))
        for path in copied.iterdir():
            ident.keep_private(path)
        if target.exists():
            target.rmdir()  # an empty folder: identity_state said nothing is kept there
        copied.rename(target)
        ident.keep_private(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log.info("signing identity of %s follows the center's new name %s", source.name, owner.name)
    return True

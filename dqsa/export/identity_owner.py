"""Whom a signing identity signs for: a center (keyed by its name) or a receiving desk (keyed by its file's id).

:mod:`dqsa.export.identity` keeps one folder per owner; a desk's folder is named from
its desk file's own id, never from its name, so a desk cannot share a key with a center
of the same name and renaming it keeps its identity.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class IdentityOwner:
    """Whom an identity signs for: a center (keyed by its name) or a desk (keyed by its file's own id)."""

    kind: Literal["center", "desk"]
    #: What the identity's folder is named after: the center's name, or the desk file's id.
    key: str
    #: The name in the certificate and in messages.
    name: str

    @property
    def folder_name(self) -> str:
        if self.kind == "center":
            return hashlib.sha256(self.key.strip().encode("utf-8")).hexdigest()[:16]
        return "desk-" + hashlib.sha256(f"desk\0{self.key}".encode()).hexdigest()[:16]

    @property
    def unit(self) -> str:
        """The certificate's organisational unit: what this key signs."""
        return "党群服务中心年度自评签署" if self.kind == "center" else "上级审核结果签署"

    @property
    def own(self) -> str:
        """How messages name the owner: 本中心, 本台账."""
        return "本中心" if self.kind == "center" else "本台账"


def center_owner(center_name: str) -> IdentityOwner:
    return IdentityOwner("center", center_name.strip(), center_name.strip())


def desk_owner(desk_id: str, desk_name: str) -> IdentityOwner:
    """A desk's identity: keyed by the desk file's own id, named by its 单位名称."""
    return IdentityOwner("desk", desk_id, desk_name.strip())


#: A center's name, or any owner.
Owner = str | IdentityOwner


def owner_of(owner: Owner) -> IdentityOwner:
    """An owner from a center's name (how every caller before the desk named one) or an owner."""
    return owner if isinstance(owner, IdentityOwner) else center_owner(owner)

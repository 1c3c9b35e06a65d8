"""Reading criteria pack files (YAML or JSON) and the packs bundled with the program."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from dqsa.domain.criteria import CriteriaPack, pack_data_digest
from dqsa.domain.errors import InvalidInput, Problem, problems_from_validation_error
from dqsa.domain.legacy import PACK_SCHEMA_1
from dqsa.paths import resource_path

#: A pack file larger than this is not a pack (protects against opening the wrong file).
MAX_PACK_BYTES = 5 * 1024 * 1024


def parse_pack_text(text: str, *, name: str = "标准包") -> CriteriaPack:
    """Validate a pack given as YAML (or JSON, which is YAML) text."""
    return pack_from_data(_yaml_data(text, name=name), name=name)


def _yaml_data(text: str, *, name: str) -> object:
    import yaml  # only needed when a pack is read

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else ""
        raise InvalidInput([Problem(where, f"{name} 不是有效的 YAML/JSON：{exc}")]) from None


def pack_from_data(data: object, *, name: str = "标准包") -> CriteriaPack:
    """Validate a pack given as plain data.

    A pack of format 1 (stored in a center file or a packet by an earlier program)
    is upgraded; the bundled pack with its id says which of its facts last.
    """
    if not isinstance(data, dict):
        raise InvalidInput([Problem("", f"{name} 的顶层应是一个对象（键: 值）")])
    context = None
    if data.get("schema") == PACK_SCHEMA_1:
        context = {"reference": bundled_packs().get(str(data.get("id")))}
    try:
        return CriteriaPack.model_validate(data, context=context)
    except ValidationError as exc:
        raise InvalidInput(problems_from_validation_error(exc)) from None


def load_pack_file(path: Path) -> CriteriaPack:
    """Read and validate a pack file; :class:`InvalidInput` names what is wrong."""
    return read_pack_file(path).pack


@dataclass(frozen=True)
class PackFile:
    """A pack file as read: the pack, the format it was written in, and the digest of its data
    as written (for a format-1 pack that is the digest an earlier program recorded)."""

    pack: CriteriaPack
    written_format: str
    written_digest: str

    @property
    def upgraded(self) -> bool:
        """Written in format 1 and upgraded on reading."""
        return self.written_format == PACK_SCHEMA_1


def read_pack_file(path: Path) -> PackFile:
    """Read and validate a pack file, saying in which format it was written."""
    text = read_text_file(path, limit=MAX_PACK_BYTES, what="标准包文件")
    data = _yaml_data(text, name=path.name)
    pack = pack_from_data(data, name=path.name)
    written = data.get("schema") if isinstance(data, dict) else None
    return PackFile(pack, str(written), pack_data_digest(data))


def read_text_file(path: Path, *, limit: int, what: str) -> str:
    """UTF-8 text of a small file (a BOM is allowed), or :class:`InvalidInput`."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise InvalidInput([Problem("", f"{what} {path} 太大（{size // 1024} KB），不像是{what}")])
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InvalidInput([Problem("", f"找不到{what}：{path}")]) from None
    except IsADirectoryError:
        raise InvalidInput([Problem("", f"{path} 是文件夹，不是{what}")]) from None
    except PermissionError:
        raise InvalidInput([Problem("", f"没有权限读取{what}：{path}")]) from None
    except UnicodeDecodeError:
        raise InvalidInput([Problem("", f"{what} {path} 不是 UTF-8 文本")]) from None


@functools.cache
def bundled_packs() -> dict[str, CriteriaPack]:
    """The packs shipped in ``resources/criteria/``, by id (read once per process)."""
    packs: dict[str, CriteriaPack] = {}
    for path in sorted(resource_path("criteria").glob("*.yaml")):
        pack = load_pack_file(path)
        packs[pack.id] = pack
    return packs


def find_pack(pack_id: str, version: str | None = None) -> CriteriaPack:
    """A bundled pack by id (and version, if given), or :class:`InvalidInput`."""
    packs = bundled_packs()
    pack = packs.get(pack_id)
    if pack is None:
        known = "、".join(packs) or "（无）"
        raise InvalidInput([Problem("pack.id", f"没有标准包 {pack_id!r}；本程序自带：{known}")])
    if version is not None and version != pack.version:
        raise InvalidInput(
            [Problem("pack.version", f"标准包 {pack_id} 的版本是 {pack.version}，答卷要求 {version}")]
        )
    return pack


def pack_schema_json() -> str:
    """The pack JSON Schema as text, as shipped in ``resources/criteria/``."""
    from dqsa.domain.criteria import pack_json_schema

    return json.dumps(pack_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"

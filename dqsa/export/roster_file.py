"""Reading a roster file (名册): an Excel workbook or a CSV table of the centers a desk expects.

The first row names the columns: 名称 (required), 级别, 地区, 证书指纹 (optional; the
English words name, level, region, fingerprint work too), in any order. Every later
row with a name is a center. A CSV may be UTF-8 (with or without a BOM, as Excel
saves "CSV UTF-8") or GB18030 (as Excel saves "CSV" on a Chinese Windows).

What is wrong is an :class:`InvalidInput` naming the file, the row and the column;
checking the rows themselves (duplicates, fingerprints) is the store's
(:func:`dqsa.store.desk.roster.check_roster`).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from dqsa.domain.errors import InvalidInput, Problem
from dqsa.store.desk.records import RosterRow

MAX_ROSTER_BYTES = 20 * 1024 * 1024
MAX_ROWS = 5000
MAX_CELL = 1000

COLUMNS: dict[str, str] = {
    "名称": "name",
    "中心名称": "name",
    "单位名称": "name",
    "name": "name",
    "级别": "level",
    "层级": "level",
    "level": "level",
    "地区": "region",
    "所在地区": "region",
    "region": "region",
    "证书指纹": "fingerprint",
    "指纹": "fingerprint",
    "fingerprint": "fingerprint",
}


def read_roster(path: Path) -> list[RosterRow]:
    """The roster rows of an ``.xlsx`` or ``.csv`` file (``line`` is the row number in the file)."""
    path = Path(path)
    what = f"名册文件 {path.name}"
    try:
        size = path.stat().st_size
        if size > MAX_ROSTER_BYTES:
            raise InvalidInput([Problem("", f"{what} 太大（{size // 1024 // 1024} MB），不像是名册")])
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput([Problem("", f"找不到名册文件：{path}")]) from None
    except IsADirectoryError:
        raise InvalidInput([Problem("", f"{path} 是文件夹，不是名册文件")]) from None
    except OSError as exc:
        raise InvalidInput([Problem("", f"无法读取名册文件 {path}：{exc.strerror or exc}")]) from None
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        return rows_from_table(_xlsx_rows(data, what), what)
    if suffix in {".csv", ".txt"}:
        return rows_from_table(_csv_rows(data, what), what)
    if suffix == ".xls":
        raise InvalidInput(
            [Problem("", f"{what} 是旧的 .xls 格式：请在 Excel 中“另存为” .xlsx 或 CSV 后再导入")]
        )
    raise InvalidInput([Problem("", f"{what} 不是 Excel（.xlsx）或 CSV 文件")])


def _xlsx_rows(data: bytes, what: str) -> list[Sequence[object]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise InvalidInput([Problem("", f"{what} 无法作为 Excel 文件打开（{type(exc).__name__}）")]) from None
    try:
        sheet = workbook.worksheets[0]
        rows: list[Sequence[object]] = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(row)
            if len(rows) > MAX_ROWS + 1:
                raise InvalidInput([Problem("", f"{what} 行数太多（最多 {MAX_ROWS} 个中心）")])
        return rows
    finally:
        workbook.close()


def _csv_rows(data: bytes, what: str) -> list[Sequence[object]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes every byte sequence
        raise InvalidInput([Problem("", f"{what} 的文字编码无法识别，请另存为“CSV UTF-8”")])
    if "\x00" in text:
        raise InvalidInput([Problem("", f"{what} 不是文字表格（含有二进制内容）")])
    try:
        sample = text[:4096]
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t，")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as exc:
        raise InvalidInput([Problem("", f"{what} 的格式不对（{exc}）")]) from None
    if len(rows) > MAX_ROWS + 1:
        raise InvalidInput([Problem("", f"{what} 行数太多（最多 {MAX_ROWS} 个中心）")])
    return list(rows)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def rows_from_table(rows: Iterable[Sequence[object]], what: str = "名册") -> list[RosterRow]:
    """Roster rows from a table whose first non-empty row names the columns."""
    found: list[RosterRow] = []
    columns: dict[str, int] | None = None
    problems: list[Problem] = []
    for number, row in enumerate(rows, start=1):
        cells = [_cell(v) for v in row]
        if not any(cells):
            continue
        if columns is None:
            columns = {}
            for index, heading in enumerate(cells):
                key = COLUMNS.get(heading.replace(" ", "").lower()) or COLUMNS.get(heading.replace(" ", ""))
                if key and key not in columns:
                    columns[key] = index
            if "name" not in columns:
                raise InvalidInput(
                    [
                        Problem(
                            "名称", f"{what} 的第一行应是列名，其中要有“名称”（还可有 级别、地区、证书指纹）"
                        )
                    ]
                )
            continue

        values = {key: _take(cells, columns.get(key)) for key in ("name", "level", "region", "fingerprint")}
        too_long = [key for key, value in values.items() if len(value) > MAX_CELL]
        if too_long:
            problems.append(Problem(f"第 {number} 行", "单元格内容太长"))
            continue
        if not values["name"]:
            if any(values.values()):
                problems.append(Problem(f"第 {number} 行 名称", "名称不能为空"))
            continue
        found.append(
            RosterRow(
                values["name"], values["level"], values["region"], values["fingerprint"] or None, line=number
            )
        )
    if problems:
        raise InvalidInput(problems)
    if columns is None:
        raise InvalidInput([Problem("名称", f"{what} 是空的")])
    return found


def _take(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""

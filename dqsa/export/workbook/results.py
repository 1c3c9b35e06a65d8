"""Formula results stored with their formulas.

openpyxl writes a formula with an empty value (``<c r="E31"><f>SUM(E5:E30)</f><v></v></c>``): Excel
and LibreOffice compute it on opening, but a reader that computes nothing (openpyxl ``data_only``,
pandas, a file preview, a search index) reads every subtotal and total as empty. This fills each
formula's ``<v>`` with dqsa's own figure for it, the way a spreadsheet program saves a file; the
workbook still asks Excel and WPS to compute everything again on opening (``fullCalcOnLoad``).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from xml.sax.saxutils import escape

#: A formula cell as openpyxl writes it: no type (a formula), an optional style, an empty value.
_FORMULA_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"((?: s="[0-9]+")?)><f>([^<]*)</f><v(?:></v>|\s*/>)</c>')

Result = int | float | str | None


def with_results(content: bytes, sheets: Mapping[int, Mapping[str, Result]]) -> bytes:
    """The workbook ``content`` with the results filled in: ``sheets`` maps a sheet's position
    (1 for the first, as openpyxl names the parts ``xl/worksheets/sheet1.xml``) to its cells' results.

    A formula without a result (None) is left as written. Raises ``ValueError`` if a cell with a
    result is not found as a formula in its sheet (the writer's format changed: better to stop
    than to send a workbook some of whose totals read as empty).
    """
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            match = re.fullmatch(r"xl/worksheets/sheet([0-9]+)\.xml", info.filename)
            results = sheets.get(int(match.group(1)), {}) if match else {}
            if results:
                data = _fill(data.decode("utf-8"), results, info.filename).encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def _fill(xml: str, results: Mapping[str, Result], part: str) -> str:
    wanted = {cell for cell, value in results.items() if value is not None}
    found: set[str] = set()

    def cell(match: re.Match[str]) -> str:
        coordinate, style, formula = match.groups()
        value = results.get(coordinate)
        if value is None:
            return match.group(0)
        found.add(coordinate)
        if isinstance(value, str):
            return f'<c r="{coordinate}"{style} t="str"><f>{formula}</f><v>{escape(value)}</v></c>'
        return f'<c r="{coordinate}"{style}><f>{formula}</f><v>{_number(value)}</v></c>'

    xml = _FORMULA_CELL.sub(cell, xml)
    if missing := wanted - found:
        raise ValueError(f"{part}: no formula cell {sorted(missing)[:5]} to store a result in")
    return xml


def _number(value: int | float) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"a formula result is a number or a text, not {value!r}")
    return str(value) if isinstance(value, int) else repr(float(value))

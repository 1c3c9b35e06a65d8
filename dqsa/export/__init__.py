"""The signed self-assessment packet: workbook, PDF report, signatures, verification (no Qt)."""

from dqsa.export import offline

# Before any module of this package imports pyHanko: it must never load an HTTP client.
offline.install()

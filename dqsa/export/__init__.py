"""The signed self-assessment packet: workbook, PDF report, signatures, verification (no Qt)."""

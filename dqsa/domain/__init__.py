"""The domain: criteria packs, answers, scoring. No Qt, database or file-format imports."""

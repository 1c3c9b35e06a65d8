"""Python generated from forms/*.ui (do not edit)."""

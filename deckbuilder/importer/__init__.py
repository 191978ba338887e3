"""Importing an existing PowerPoint deck as an outline the team can maintain: `import_deck` and its report."""
from .convert import import_deck
from .report import Attention, ImportReport, SlideRecord

__all__ = ["Attention", "ImportReport", "SlideRecord", "import_deck"]

"""Building a deck and editing it as a person would, with python-pptx, or saving it again with LibreOffice (shared by
the pull tests; not a test module)."""
from __future__ import annotations

import subprocess
from pathlib import Path

from pptx import Presentation

from deckbuilder.api import Options, build

STORY = Path("decks/story-of-hope")


def built(outline: Path, out: Path = Path("build")) -> Path:
    (result,) = build([outline], Options(out=out))
    assert result.ok, [str(d) for d in result.diagnostics]
    return result.output


def edited(deck: Path, change, name: str = "edited.pptx") -> Path:
    """The deck with `change(prs)` made to it, saved beside it."""
    prs = Presentation(str(deck))
    change(prs)
    out = deck.with_name(name)
    prs.save(str(out))
    return out


def saved_by_libreoffice(deck: Path) -> Path:
    """The deck opened and saved again by LibreOffice (as `soffice --headless --convert-to pptx` does)."""
    out = deck.parent / "libreoffice"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{deck.parent.resolve()}/lo-profile", "--headless",
                    "--convert-to", "pptx", "--outdir", str(out), str(deck)], check=True, capture_output=True,
                   timeout=240)
    return out / deck.name


def shape_with(slide, text: str):
    return next(s for s in slide.shapes if s.has_text_frame and text in s.text_frame.text)


def paragraph_with(slide, text: str):
    return next(p for s in slide.shapes if s.has_text_frame for p in s.text_frame.paragraphs if text in p.text)


def retext(paragraph, text: str) -> None:
    """A paragraph's text replaced as typing over it does: its first run keeps its formatting."""
    runs = paragraph.runs
    runs[0].text = text
    for run in runs[1:]:
        run._r.getparent().remove(run._r)


def delete_slide(prs, index: int) -> None:
    ids = prs.slides._sldIdLst
    victim = list(ids)[index]
    prs.part.drop_rel(victim.rId)
    ids.remove(victim)


def move_slide(prs, index: int, before: int) -> None:
    ids = prs.slides._sldIdLst
    items = list(ids)
    ids.remove(items[index])
    items[before].addprevious(items[index])


def slide_named(prs, name: str):
    return next(s for s in prs.slides if s.name == name)

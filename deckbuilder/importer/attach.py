"""Pairing credit lines with the pictures they credit: on each slide by position, and from a credits slide by
the work's title or alt text. Paired lines leave the slide text for the image register."""
from __future__ import annotations

from .credits import Credit, is_credits_title, read_credit
from .found import DeckFound, Para, PictureShape, SlideFound, TextShape
from .pictures import PictureStore
from .report import ImportReport

NEAR = 914_400  # a credit line within an inch of a picture is about it


def credits_slides(deck: DeckFound) -> set[int]:
    """The numbers of slides that only list image credits (deckbuilder writes its own from the register)."""
    found = set()
    for slide in deck.slides:
        title = next((t.text for t in slide.texts if t.role == "title" and t.text), "")
        paras = [p for t in slide.texts if t.role != "title" for p in t.live]
        credited = [p for p in paras if read_credit(p) or p.text.lower().startswith(("source:", "sharealike:",
                                                                                        "courtesy credit"))]
        if title and is_credits_title(title) and paras and len(credited) >= 0.8 * len(paras) and \
                not slide.pictures[1:] and not slide.charts and not slide.tables:
            found.add(slide.number)
    return found


def pair_on_slides(deck: DeckFound, store: PictureStore, skip: set[int], report: ImportReport) -> None:
    """Each credit line beside or under a picture becomes that picture's credit."""
    for slide in deck.slides:
        if slide.number in skip:
            continue
        pictures = [p for p in slide.pictures if p.role == "content"]
        for shape in [t for t in slide.texts if t.role != "title"]:
            for para in shape.live:
                credit = read_credit(para)
                if credit is None:
                    continue
                pic = _nearest(shape, pictures)
                if pic is None or (credit.form == "source" and _gap(shape, pic) > NEAR):
                    if credit.form in ("powerpoint", "cc"):
                        report.note(slide.number, f"the credit line '{credit.text}' has no picture on its slide: "
                                    "it was kept as slide text")
                    continue
                para.take("register")
                store.credit(pic, credit, slide.number)


def _nearest(shape: TextShape, pictures: list[PictureShape]) -> PictureShape | None:
    return min(pictures, key=lambda p: _gap(shape, p), default=None)


def _gap(shape: TextShape, pic: PictureShape) -> float:
    """The distance between a text frame and a picture's box (0 when they touch or overlap)."""
    a, b = shape.box, pic.box
    dx = max(b.x - a.right, a.x - b.right, 0)
    dy = max(b.y - a.bottom, a.y - b.bottom, 0)
    return (dx * dx + dy * dy) ** 0.5


SHARED_SOURCE = "source of every image above:"


def merge_credits_slide(slide: SlideFound, store: PictureStore, report: ImportReport) -> None:
    """Credits slide lines add to the credits of the pictures they name ('source: …' lines too)."""
    credits: list[tuple[Credit, Para]] = []  # each credit with the line it was read from
    shared = ""
    for para in [p for t in slide.texts if t.role != "title" for p in t.live]:
        credit = read_credit(para)
        if credits and para.text.lower().startswith(SHARED_SOURCE):  # one source for every image listed
            shared = para.text.split(":", 1)[1].strip()
            para.take("register")
        elif credit is not None and credit.form != "source":
            credits.append((credit, para))
        elif credits and para.text.lower().startswith("source:"):
            credits[-1][0].source_note = para.text.split(":", 1)[1].strip()
            para.take("register")
        elif credits:
            para.take("register")  # 'ShareAlike: …' and 'courtesy credit' notes: the build writes them again
    for credit, _ in credits:
        credit.source_note = credit.source_note or shared
    for title in (t for t in slide.texts if t.role == "title"):
        for para in title.live:
            para.take("register")
    for credit, line in credits:
        matches = _matches(credit, store)
        if not matches:
            report.note(slide.number, f"the credits slide names '{credit.text}', which matches no picture of the "
                        "deck: it was not carried over")
            continue
        line.take("register")
        for planned in matches:
            if planned.credit is None:
                planned.credit, planned.credit_slide = credit, 0
            else:
                planned.credit.merge(credit)


def _matches(credit: Credit, store: PictureStore) -> list:
    """The pictures a credits-slide line is about: same work title or same line, else alt text starting with
    the work's title."""
    found = [p for p in store.planned.values() if p.credit is not None and
             ((credit.title and p.credit.title == credit.title) or p.credit.text == credit.text)]
    return found or [p for p in store.planned.values() if p.credit is None and credit.title and
                     p.pic.alt.lower().startswith(credit.title.lower())]

"""import_deck: read the deck, set aside chrome and credit lines, choose each slide's layout, extract the
pictures into the register, and write the story; every step says what it could not carry."""
from __future__ import annotations

import os
from pathlib import Path

from ..assets.licences import LICENCES
from ..assets.resolve import inside, project_root
from ..audience import resolve
from ..errors import BuildError, Diagnostics, Loc, fail
from ..model.outline import slug
from ..source import display_path
from .attach import credits_slides, merge_credits_slide, pair_on_slides
from .audit import audit
from .chrome import Chrome, set_aside
from .cover import Cover, is_cover, read_cover
from .credits import licence_of
from .finish import checked, finish, oddities, source_line
from .found import ChartShape, DeckFound, PictureShape, SlideFound, TableShape
from .layouts import text_slide
from .picture_slides import further, picture_slides
from .pictures import PictureStore
from .read import read_deck
from .replan import replan
from .report import ImportReport, SlideRecord
from .story import deck_problems, story_text, write_new
from .tally import commit, deck_notes
from .text import LIMITS, pieces
from .visuals import chart_slide, table_slide
from .work import Work

PROJECT_MARKERS = ("assets", ".git", "pyproject.toml")


def import_deck(pptx: Path, out_dir: Path, assets: Path | None = None) -> ImportReport:
    """Turn a .pptx into out_dir/story.yaml, its pictures into ASSETS/photos and entries in ASSETS/images.yaml
    (ASSETS: `assets`, else out_dir/../../assets when that is a project, else out_dir/assets).

    Raises BuildError when the deck cannot be read, the story already exists or the register does not load;
    nothing is written then."""
    pptx, out_dir = Path(pptx), Path(out_dir)
    story = out_dir / "story.yaml"
    if story.exists():
        raise fail("story-exists", f"{display_path(story)} already exists", Loc(display_path(story)), "--out",
                   "import into a new folder, e.g. --out decks/NAME-imported, or move the old story away")
    deck = read_deck(pptx)
    assets_dir = Path(assets) if assets is not None else default_assets(out_dir)
    report = ImportReport(pptx, story, assets_dir / "images.yaml")
    store = PictureStore(assets_dir)
    chrome = set_aside(deck)
    _plan_pictures(deck, chrome, store)
    store.convert_drawings()
    skipped = credits_slides(deck)
    pair_on_slides(deck, store, skipped, report)
    for slide in deck.slides:
        if slide.number in skipped:
            merge_credits_slide(slide, store, report)
    store.name_all()
    facts, planned = _slides(deck, store, skipped, report)
    deck_notes(deck, chrome, store, report)
    registered = report.register.is_file() or any(not p.reused for p in store.planned.values())
    facts.update(_places(out_dir, assets_dir, registered))
    _check_facts(facts, report)
    header = [f"Imported from {pptx.name} by `deckbuilder import`. Each slide names the slide of the original it",
              "comes from; '# check:' lines say what to look at. Pictures and credits: "
              f"{_rel(report.register, out_dir)}."]
    commit(store, report)
    write_new(story, story_text(header, facts, planned))
    result = replan(story, header, facts, planned, report)
    audit(deck, result.plan, _shown_pictures(deck, store), report)
    _validate(story, report)
    return report


def _shown_pictures(deck: DeckFound, store: PictureStore) -> dict[int, list[tuple[str, str]]]:
    """Per slide, each content picture's register key ('' when it cannot be placed) and name."""
    def key(pic: PictureShape) -> str:
        planned = store.plan(pic, 0, "")
        return planned.key if planned.placeable else ""

    return {s.number: [(key(p), p.name) for p in s.pictures if p.role == "content"] for s in deck.slides}


def default_assets(out_dir: Path) -> Path:
    """out_dir/../../assets when that folder's parent looks like a project (decks/NAME in a project), else
    out_dir/assets."""
    root = Path(os.path.normpath(out_dir / ".." / ".."))
    if out_dir.resolve().parent.name == "decks" or any((root / m).exists() for m in PROJECT_MARKERS):
        return root / "assets"
    return out_dir / "assets"


def _rel(path: Path, start: Path) -> str:
    return Path(os.path.relpath(Path(path).resolve(), Path(start).resolve())).as_posix()


def _places(out_dir: Path, assets_dir: Path, registered: bool) -> dict:
    """deck.images when the build would not find the register by itself (and there is one); deck.theme when the
    project has one."""
    facts = {}
    theme = assets_dir / "brand" / "theme.yaml"
    if theme.is_file():
        facts["theme"] = _rel(theme, out_dir)
    register = (assets_dir / "images.yaml").resolve()
    nearest = next((f / "assets" / "images.yaml" for f in [out_dir.resolve(), *out_dir.resolve().parents]
                    if (f / "assets" / "images.yaml").is_file() or f / "assets" == assets_dir.resolve()), None)
    if registered and (nearest is None or nearest.resolve() != register):
        facts["images"] = _rel(register, out_dir)
    return facts


def _check_facts(facts: dict, report: ImportReport) -> None:
    """Deck facts the schema refuses (a title too long, say) are left out, and said."""
    for problem in deck_problems(facts):
        name = problem.split(":", 1)[0].removeprefix("deck.").split(".")[0]
        if name in facts and name != "title":
            report.note(1, f"the deck fact {name} ('{str(facts.pop(name))[:60]}') was left out: {problem}")
        elif name == "title":
            facts["title"] = pieces(str(facts["title"]), LIMITS["title"] - 1)[0] + "…"
            report.note(1, "the deck title was shortened to fit the 300-character limit")


def _plan_pictures(deck: DeckFound, chrome: Chrome, store: PictureStore) -> None:
    """Name every picture at its first sighting (logos into assets/logos)."""
    for pic in chrome.logos:
        slide = next(s for s in deck.slides if pic in s.pictures)
        store.plan(pic, slide.number, "logo", folder="logos")
    for slide in deck.slides:
        title = next((t.text for t in slide.texts if t.role == "title" and t.text), "") or \
            next((p.text for t in slide.texts for p in t.paras if p.text and len(p.text) <= 60
                  and not p.placed), "")
        for pic in slide.pictures:
            if pic.role == "content":
                store.plan(pic, slide.number, title)


def _slides(deck: DeckFound, store: PictureStore, skipped: set[int],
            report: ImportReport) -> tuple[dict, list[tuple[dict, list[str]]]]:
    """The deck facts and every outline slide with its comment lines."""
    facts: dict = {}
    out: list[tuple[dict, list[str]]] = []
    taken: set[str] = set()
    carried: list[str] = []  # notes of slides left out, for the next slide when there is no slide before them
    last = max((s.number for s in deck.slides if s.number not in skipped), default=0)
    for slide in deck.slides:
        if slide.number in skipped:
            report.note(slide.number, "the credits slide was left out: deckbuilder writes one from the register")
            report.slides.append(SlideRecord(slide.number, "Image credits", (), ()))
            continue
        work = _work(slide, deck, store, slide.number == last)
        rows, orphan = _one_slide(work, facts, taken, report)
        if rows and carried:
            _add_notes(rows[0][0], "\n\n".join(carried), before=True)
            carried = []
        if orphan and out:
            _add_notes(out[-1][0], orphan)
        elif orphan:
            carried.append(orphan)
        out.extend(rows)
    if "title" not in facts:
        facts["title"] = deck.title or next((f.get("title") for f, _ in out if f.get("title")), None) or \
            deck.name.rsplit(".", 1)[0]
    if not out:  # an outline needs a slide: the deck's title slide, from the document's title
        out.append(({"id": "title", "layout": "title"}, ["the deck shows no text or pictures: a title slide"]))
        if carried:
            _add_notes(out[0][0], "\n\n".join(carried))
        report.note(None, f"the deck shows no text or pictures; the outline starts with a title slide titled "
                    f"'{facts['title']}'")
    return facts, out


def _one_slide(work: Work, facts: dict, taken: set[str],
               report: ImportReport) -> tuple[list[tuple[dict, list[str]]], str]:
    """The outline slides one slide becomes, with their comments; and, when it becomes none, its notes."""
    slide = work.slide
    title = work.title or next((p.text for t in slide.texts for p in t.paras if p.text and not p.placed), "")
    made = [checked(f, work) for f in _made(work, facts)]
    for i, fields in enumerate(made):
        finish(fields, work, first=i == 0)
    rows = []
    for i, fields in enumerate(made):
        comments = [f"slide {slide.number} of {work.deck.name}"] + [f"check: {a}" for a in work.attention] \
            if i == 0 else [f"also from slide {slide.number}"]
        rows.append(({"id": _unique(fields, taken), **fields}, comments))
    for message in work.attention:
        report.note(slide.number, message)
    orphan = ""
    if not made:
        kept = [slide.notes] * bool(slide.notes) + work.to_notes
        orphan = f"Notes of slide {slide.number} of the original, left out:\n" + "\n".join(kept) if kept else ""
        report.note(slide.number, "the slide has no text, picture, chart or table deckbuilder can show: it was "
                    "left out" + ("; its notes are kept with the slide next to it" if kept else ""))
    logos = tuple(work.keys(p, work) or "" for p in slide.pictures if p.role == "logo")
    report.slides.append(SlideRecord(slide.number, title or (made[0].get("title", "") if made else ""),
                                     tuple(r[0]["id"] for r in rows), tuple(f["layout"] for f in made), logos,
                                     slide.hidden))
    return rows, orphan


def _add_notes(fields: dict, text: str, before: bool = False) -> None:
    notes = [fields["notes"]] if fields.get("notes") else []
    fields["notes"] = "\n\n".join([text, *notes] if before else [*notes, text])


def _work(slide: SlideFound, deck: DeckFound, store: PictureStore, last: bool) -> Work:
    def key(pic: PictureShape, work: Work) -> str | None:
        planned = store.plan(pic, work.number, work.title)
        return planned.key if planned.placeable else None

    def overlay_ok(pic: PictureShape) -> bool:
        planned = store.plan(pic, slide.number, "")
        lic = LICENCES.get(licence_of(planned.credit)[0] or "") if planned.credit else None
        return lic is None or lic.derivatives

    return Work(slide, deck, key, overlay_ok, last)


def _made(work: Work, facts: dict) -> list[dict]:
    """The outline slides one slide becomes: one, unless it holds several charts or tables (a slide each) or
    more pictures than its layout shows (they follow it)."""
    slide = work.slide
    source_line(work)
    placed = _placeable(work)
    if slide.number == 1 and is_cover(slide) and "title" not in facts:
        main = [_cover(work, facts, placed[:1])]
        main += further(work, placed[1:], facts.get("title", ""))
    elif slide.charts or slide.tables:
        main = _visuals(work)
        main += further(work, placed, main[0].get("title", ""))
    elif placed:
        main = picture_slides(work, placed)
    else:
        main = [f for f in [text_slide(work)] if f]
    oddities(work)
    return main


def _visuals(work: Work) -> list[dict]:
    """A slide's charts and tables, a slide each, after a slide of its text when it has more than a line or two
    (the layouts of charts and tables have no room for it)."""
    main = [f for f in [text_slide(work)] if f] if work.wordy else []
    base = main[0].get("title") if main else None
    visuals: list[ChartShape | TableShape] = [*work.slide.charts, *work.slide.tables]
    for visual in visuals:
        title = f"{base} ({len(main) + 1})" if base else None
        if isinstance(visual, ChartShape):
            fields = chart_slide(work, visual, title)
        else:
            fields = table_slide(work, visual, title)
        base = base or fields["title"]
        main.append(fields)
    if len(main) > 1:
        work.note(f"the slide's text, charts and tables are on {len(main)} slides: the layouts hold one each")
    return main


def _placeable(work: Work) -> list[tuple]:
    """The slide's pictures with their keys, largest first, each distinct picture once (a picture repeated to
    make a pattern is shown once); those that cannot be placed are said."""
    out, seen = [], set()
    for pic in work.pictures:
        key = work.keys(pic, work)
        if key is None:
            work.note(f"the picture '{pic.name}' cannot be placed (see its register entry): it was left off the "
                      "slide")
        elif key not in seen:
            seen.add(key)
            out.append((pic, key))
    return out


def _cover(work: Work, facts: dict, pictures: list) -> dict:
    cover: Cover = read_cover(work.slide, work.deck)
    facts.update(cover.facts)
    for note in cover.notes:
        work.note(note)
    if cover.leftover:
        work.to_notes.extend(cover.leftover)
        work.note(f"{len(cover.leftover)} line(s) of the title slide are not deck facts (title, subtitle, event, "
                  "date, presenter): they were moved to the notes")
    fields = {"layout": "title"}
    if pictures:
        fields["image"] = pictures[0][1]
    return fields


def _unique(fields: dict, taken: set[str]) -> str:
    base = "title" if fields["layout"] == "title" else slug(str(
        fields.get("title") or fields.get("text") or fields.get("caption") or fields.get("image") or
        fields["layout"]))
    found, n = base, 2
    while found in taken:
        found, n = f"{base}-{n}", n + 1
    taken.add(found)
    return found


def _validate(story: Path, report: ImportReport) -> None:
    """Load the written story as a build would: anything it reports is worth telling the user about (a bug, or a
    register outside the story's project, which a build refuses without --allow)."""
    diags = Diagnostics()
    try:
        resolve(story, diags)
    except BuildError as exc:
        diags.extend(exc.diagnostics)
    for diag in diags:
        if diag.severity == "error":
            report.note(None, f"the written story does not load: {diag}")
    if report.register.is_file() and not inside(report.register, [project_root(story)]):
        report.note(None, f"the register {display_path(report.register)} is outside the story's project: build "
                    f"with --allow {display_path(report.register.parent)}")

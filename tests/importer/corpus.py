"""One real deck imported, built as imported and filled in, and compared with the original slide by slide."""
from __future__ import annotations

import hashlib
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from deckbuilder.api import Options, build
from deckbuilder.errors import BuildError
from deckbuilder.importer import import_deck
from deckbuilder.layout.ir import Picture
from deckbuilder.package_reader import open_package
from tests.importer.compare import chars, fill_todos, words

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "real-decks"
NS = {"p": "http://schemas.openxmlformats.org/presentationml/2006/main",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "dgm": "http://schemas.openxmlformats.org/drawingml/2006/diagram",
      "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
CHROME = ("ftr", "sldNum", "dt", "hdr")
TARGETS = {"median words": 99.5, "minimum words": 97.0, "median on slides": 97.0, "pictures": 95.0,
           "slides ratio": 1.5}


@dataclass
class SlideText:
    """One slide of a .pptx as a reader sees it: the words on it, in its notes, and its pictures' hashes."""

    shown: Counter
    notes: Counter
    pictures: set[str]
    hidden: bool = False


@dataclass
class Measure:
    """What one import gave, against the original."""

    name: str
    slides_in: int = 0
    slides_out: int = 0
    words: tuple[int, int] = (0, 0)  # characters of the original's words (slides and notes) found again, of all
    on_slides: tuple[int, int] = (0, 0)  # characters of the original slides' words found on the rebuilt slides
    pictures: tuple[int, int] = (0, 0)  # pictures (one per slide it is on) shown again, of all
    hidden: list[int] = field(default_factory=list)
    logos: int = 0  # pictures set aside as a logo repeated at the same place on most slides (not counted)
    draft_ok: bool = False
    filled_ok: bool = False
    problem: str = ""  # a crash, a refusal or the first build error
    lost: dict[int, Counter] = field(default_factory=dict)  # slide -> words not found again

    @staticmethod
    def share(pair: tuple[int, int]) -> float:
        return 100.0 * pair[0] / pair[1] if pair[1] else 100.0


def read_slides(path: Path) -> list[SlideText]:
    """Every slide of a .pptx (a show, template or macro deck too), read from its XML: text frames, groups,
    tables, the fallback of alternate content, SmartArt and chart text; footers, numbers and dates aside."""
    parts = open_package(path).parts
    out = []
    for part in _slide_parts(parts):
        root = etree.fromstring(parts[part])
        rels = _rels(parts, part)
        shown = Counter()
        for text in _texts(root) + _linked_texts(parts, rels):
            shown += words(text)
        notes = Counter()
        notes_part = next((t for t, kind in rels.values() if kind.endswith("/notesSlide")), None)
        if notes_part in parts:
            notes += words(" ".join(_texts(etree.fromstring(parts[notes_part]), notes=True)))
        pictures = {hashlib.sha256(parts[rels[rid][0]]).hexdigest() for rid in _picture_ids(root)
                    if rid in rels and rels[rid][0] in parts}
        out.append(SlideText(shown, notes, pictures, root.get("show") in ("0", "false")))
    return out


def _slide_parts(parts: dict[str, bytes]) -> list[str]:
    pres = next(n for n in parts if re.fullmatch(r"ppt/presentation\.xml", n))
    rels = _rels(parts, pres)
    root = etree.fromstring(parts[pres])
    return [rels[i.get(f"{{{NS['r']}}}id")][0] for i in root.iterfind(".//p:sldId", NS)]


def _rels(parts: dict[str, bytes], part: str) -> dict[str, tuple[str, str]]:
    folder, name = part.rsplit("/", 1)
    blob = parts.get(f"{folder}/_rels/{name}.rels")
    if blob is None:
        return {}
    out = {}
    for rel in etree.fromstring(blob).iterfind("rel:Relationship", NS):
        target = rel.get("Target", "")
        full = target.lstrip("/") if target.startswith("/") else _join(folder, target)
        out[rel.get("Id")] = (full, rel.get("Type", ""))
    return out


def _join(folder: str, target: str) -> str:
    parts = folder.split("/")
    for piece in target.split("/"):
        if piece == "..":
            parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


def _texts(root, notes: bool = False) -> list[str]:
    """The text of every shape (a:p by a:p), alternate content by its fallback, chrome placeholders aside."""
    skipped = set()
    for choice in root.iterfind(".//mc:AlternateContent/mc:Choice", NS):
        if choice.getparent().find("mc:Fallback", NS) is not None:
            skipped.add(choice)
    out = []
    for sp in root.iter(f"{{{NS['p']}}}sp", f"{{{NS['p']}}}graphicFrame"):
        if any(a in skipped for a in sp.iterancestors()):
            continue
        ph = sp.find(".//p:nvPr/p:ph", NS)
        kind = ph.get("type") if ph is not None else None
        if kind in CHROME or (notes and kind in ("sldImg",)) or (notes and ph is not None and kind not in
                                                                  (None, "body", "obj")):
            continue
        if any(f.get("type") == "slidenum" for f in sp.iter(f"{{{NS['a']}}}fld")):
            continue
        out += [_para(p) for p in sp.iter(f"{{{NS['a']}}}p")
                if not any(a.tag == f"{{{NS['p']}}}sp" and a is not sp for a in p.iterancestors())]
    return out


def _para(p) -> str:
    """A paragraph's text, a line break as a space."""
    return "".join(" " if child.tag == f"{{{NS['a']}}}br" else
                   "".join(t.text or "" for t in child.iter(f"{{{NS['a']}}}t")) for child in p)


def _linked_texts(parts: dict[str, bytes], rels: dict[str, tuple[str, str]]) -> list[str]:
    """The text of the slide's charts (title, categories, series names) and SmartArt data."""
    out = []
    for target, kind in rels.values():
        if target not in parts:
            continue
        if kind.endswith("/chart"):
            root = etree.fromstring(parts[target])
            out += [_para(p) for p in root.iterfind(".//c:title//a:p", NS)]
            out += [v.text or "" for v in root.xpath("(.//c:ser)[1]/c:cat//c:v", namespaces=NS)]
            out += [v.text or "" for v in root.iterfind(".//c:ser/c:tx//c:v", NS)]
        elif kind.endswith("/diagramData"):
            root = etree.fromstring(parts[target])
            out += [_para(p) for p in root.iterfind(".//dgm:t//a:p", NS)]
    return out


def _picture_ids(root) -> list[str]:
    """The relationship ids of the pictures a slide shows (pictures and picture fills; alternate content by
    the fallback; picture bullets aside)."""
    skipped = {c for c in root.iterfind(".//mc:AlternateContent/mc:Choice", NS)
               if c.getparent().find("mc:Fallback", NS) is not None}
    ids = []
    for blip in root.iterfind(".//p:cSld/p:spTree//a:blip", NS):
        if any(a in skipped or a.tag == f"{{{NS['a']}}}buBlip" for a in blip.iterancestors()):
            continue  # the fallback is read, not the choice; a picture bullet is a bullet
        rid = blip.get(f"{{{NS['r']}}}embed")
        if rid:
            ids.append(rid)
    return ids


def measure(source: Path, work: Path) -> Measure:
    """Import `source` into a project under `work`, build it as imported and with its TODOs filled, and compare."""
    found = Measure(source.name)
    project = work / source.stem
    (project / "decks").mkdir(parents=True)
    try:
        report = import_deck(source, project / "decks" / "imported")
    except BuildError as exc:
        found.problem = f"refused: {exc.diagnostics[0]}"
        return found
    except Exception as exc:  # noqa: BLE001 - the report says what crashed
        found.problem = f"crashed: {exc!r}"
        return found
    story = project / "decks" / "imported" / "story.yaml"
    (draft,) = build([story], Options(out=project / "draft", draft=True))
    found.draft_ok = draft.ok
    register = project / "assets" / "images.yaml"
    if register.exists():
        fill_todos(register)
    (result,) = build([story], Options(out=project / "build"))
    found.filled_ok = result.ok
    if not result.ok:
        found.problem = next(str(d) for d in result.diagnostics if d.severity == "error")
        return found
    _compare(found, read_slides(source), read_slides(result.output), report, result)
    return found


def _compare(found: Measure, before: list[SlideText], after: list[SlideText], report, result) -> None:
    """Each shown original slide against the rebuilt slides made from it."""
    by_id: dict[str, list[SlideText]] = {}
    keys: dict[str, set[str]] = {}
    for plan, slide in zip(result.plan.slides, after):
        by_id.setdefault(plan.id, []).append(slide)
        keys.setdefault(plan.id, set()).update(s.key for s in plan.shapes if isinstance(s, Picture) and s.key)
    footers = Counter()
    for text in report.footers:
        footers += words(text)
    found.slides_in, found.slides_out = len(before), len(after)
    kept = total = kept_shown = total_shown = pics = pics_total = 0
    for record in report.slides:
        original = before[record.number - 1]
        if original.hidden:
            found.hidden.append(record.number)
            continue
        rebuilt = [s for i in record.ids for s in by_id.get(i, [])]
        shown = sum((s.shown for s in rebuilt), Counter())
        notes = sum((s.notes for s in rebuilt), Counter())
        was = (original.shown - footers) + original.notes
        lost = was - (shown + notes)
        kept += chars(was) - chars(lost)
        total += chars(was)
        kept_shown += chars(original.shown - footers) - chars((original.shown - footers) - shown)
        total_shown += chars(original.shown - footers)
        if lost:
            found.lost[record.number] = lost
        shown_keys = set().union(*(keys.get(i, set()) for i in record.ids))
        pictures = [report.picture_keys.get(digest) for digest in original.pictures]
        found.logos += sum(1 for key in pictures if key in record.logos)
        pictures = [key for key in pictures if key not in record.logos]
        pics += sum(1 for key in pictures if key in shown_keys)
        pics_total += len(pictures)
    found.words, found.on_slides, found.pictures = (kept, total), (kept_shown, total_shown), (pics, pics_total)


def summary(measures: list[Measure]) -> dict[str, float]:
    """The corpus figures the issue sets targets for."""
    ok = [m for m in measures if not m.problem]
    shares = [Measure.share(m.words) for m in ok] or [0.0]
    return {"median words": statistics.median(shares), "minimum words": min(shares),
            "median on slides": statistics.median([Measure.share(m.on_slides) for m in ok] or [0.0]),
            "pictures": Measure.share((sum(m.pictures[0] for m in ok), sum(m.pictures[1] for m in ok))),
            "slides ratio": sum(m.slides_out for m in ok) / max(1, sum(m.slides_in for m in ok))}

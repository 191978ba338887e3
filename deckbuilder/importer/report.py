"""ImportReport: what an import wrote, what needs a person's attention, and how much of the text came across."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..source import display_path


@dataclass(frozen=True)
class Attention:
    """One thing to check or finish by hand; `slide` is the original deck's slide number (None: the deck)."""

    slide: int | None
    message: str

    def line(self, titles: dict[int, str]) -> str:
        if self.slide is None:
            return f"deck: {self.message}"
        title = titles.get(self.slide, "")
        shown = f' "{title[:50]}{"…" if len(title) > 50 else ""}"' if title else ""
        return f"slide {self.slide}{shown}: {self.message}"


@dataclass(frozen=True)
class SlideRecord:
    """Where one slide of the original deck went: the outline slides (ids and layouts) made from it."""

    number: int
    title: str
    ids: tuple[str, ...]
    layouts: tuple[str, ...]
    logos: tuple[str, ...] = ()  # the register keys of the logos set aside (the theme's to show)
    hidden: bool = False


@dataclass
class SlideAudit:
    """One slide of the original against the slides rebuilt from it."""

    number: int
    chars: int = 0  # characters of the original's words, slides and notes
    kept: int = 0  # of those, found in the rebuilt slides or their notes
    shown: int = 0  # characters of the original slide's words (notes aside)
    on_slides: int = 0  # of those, found on the rebuilt slides
    in_notes: int = 0  # of those, found only in the rebuilt notes
    moved: list[tuple[str, str]] = field(default_factory=list)  # (where: a key of PLACES; the text)
    pictures: int = 0  # distinct pictures on the original slide (logos set aside apart)
    pictures_shown: int = 0
    pictures_left: list[str] = field(default_factory=list)  # the keys (or names) of pictures not shown


PLACES = {"notes": "moved to the notes", "register": "moved to the image register (a credit line)",
          "deck": "kept in the deck facts, not shown as written on the title slide",
          "elsewhere": "moved to another slide", "dropped": "dropped"}


@dataclass
class ImportReport:
    """The result of `import_deck`: files written, register entries added, attention items, text carried."""

    source: Path
    story: Path
    register: Path
    slides: list[SlideRecord] = field(default_factory=list)
    pictures: list[Path] = field(default_factory=list)  # files written
    entries: list[str] = field(default_factory=list)  # register keys added
    reused: list[str] = field(default_factory=list)  # register keys the deck's pictures already had
    todo: dict[str, list[str]] = field(default_factory=dict)  # key -> the fields left TODO
    attention: list[Attention] = field(default_factory=list)
    footers: dict[str, int] = field(default_factory=dict)  # footer lines set aside -> on how many slides
    picture_keys: dict[str, str] = field(default_factory=dict)  # sha256 of a picture's bytes in the deck -> its key
    audit: list[SlideAudit] = field(default_factory=list)  # each shown slide against a draft build of the outline
    compared: bool = False  # the draft build succeeded and the audit was made
    chars_total: int = 0  # characters of the original's words, slides and notes (footers and slide numbers aside)
    chars_carried: int = 0  # of those, the ones found in the draft build (on its slides or in their notes)
    chars_in_notes: int = 0  # characters of slide words found in the rebuilt notes only

    def note(self, slide: int | None, message: str) -> None:
        item = Attention(slide, message)
        if item not in self.attention:
            self.attention.append(item)

    @property
    def percent(self) -> float:
        """The share of the original's words (slides and notes) found in the draft build of the outline."""
        return 100.0 if not self.chars_total else 100.0 * self.chars_carried / self.chars_total

    @property
    def on_slides(self) -> float:
        """The share of the original slides' words found on the rebuilt slides (not moved to their notes)."""
        shown = sum(a.shown for a in self.audit)
        return 100.0 if not shown else 100.0 * sum(a.on_slides for a in self.audit) / shown

    @property
    def outline_slides(self) -> int:
        return sum(len(s.ids) for s in self.slides)

    def summary(self) -> str:
        """What the CLI prints: what needs attention first, then what was written, then what to do next."""
        titles = {s.number: s.title for s in self.slides}
        lines = []
        if self.attention:
            lines.append(f"What needs attention ({len(self.attention)}):")
            ordered = sorted(self.attention, key=lambda a: (a.slide is not None, a.slide or 0))
            lines += [f"  {a.line(titles)}" for a in ordered]
        else:
            lines.append("Nothing needs attention.")
        lines += self._compared()
        lines.append(self._written())
        lines.append(self._next())
        return "\n".join(lines)

    def _compared(self) -> list[str]:
        """Every line and picture not on its rebuilt slide, by slide, and the hidden slides."""
        if not self.compared:
            return []
        lines = []
        for found in self.audit:
            moved: dict[str, list[str]] = {}
            for where, text in found.moved:
                moved.setdefault(where, []).append(f"'{text[:60]}{'…' if len(text) > 60 else ''}'")
            said = [f"{PLACES[where]}: {', '.join(texts)}" for where, texts in moved.items()]
            said += [f"picture(s) not shown: {', '.join(found.pictures_left)}"] if found.pictures_left else []
            lines += [f"  slide {found.number}: {'; '.join(said)}"] if said else []
        hidden = [str(s.number) for s in self.slides if s.hidden]
        if hidden:
            lines.append(f"  hidden in the original, kept with hidden: true (left out of builds): slide(s) "
                         f"{', '.join(hidden)}")
        pictures = sum(a.pictures for a in self.audit)
        head = (f"Compared with a draft build of the outline: {self.percent:.1f} % of the original's words (slides "
                f"and notes) are in it, {self.on_slides:.1f} % of the slides' words still on slides; "
                f"{sum(a.pictures_shown for a in self.audit)} of {pictures} picture(s) shown")
        return [head + (":" if lines else "."), *lines]

    def _written(self) -> str:
        kinds = Counter(layout for s in self.slides for layout in s.layouts)
        layouts = ", ".join(f"{name} {n}" for name, n in kinds.most_common())
        todo = sum(1 for k in self.entries if self.todo.get(k))
        folders = sorted({display_path(p.parent) + "/" for p in self.pictures})
        pictures = f"{len(self.pictures)} picture(s) written to {' and '.join(folders)}" if self.pictures else \
            "no new pictures"
        pictures += f" ({len(self.reused)} already in the register)" if self.reused else ""
        layouts = f" ({layouts})" if layouts else ""
        return (f"Imported {self.source.name} into {display_path(self.story)}: {len(self.slides)} slide(s) became "
                f"{self.outline_slides} outline slide(s){layouts}; {pictures}; {len(self.entries)} entr"
                f"{'y' if len(self.entries) == 1 else 'ies'} added to {display_path(self.register)}"
                f"{f' ({todo} with TODOs)' if todo else ''}.")

    def _next(self) -> str:
        steps = []
        if any(self.todo.values()):
            steps.append(f"fill in the TODOs in {display_path(self.register)} (a build refuses those images until "
                         "then)")
        steps.append(f"check the slides above (deckbuilder build {display_path(self.story)} --draft shows them "
                     "before the credits are done), then: deckbuilder build " + display_path(self.story))
        return "Next: " + "; ".join(steps) + "."

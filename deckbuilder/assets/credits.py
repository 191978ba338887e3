"""Credit lines in Creative Commons' recommended form (title, author, source, licence, changes)."""
from __future__ import annotations

from dataclasses import dataclass

from .register import ImageEntry

Segment = tuple[str, str | None]  # text, and the address it links to


@dataclass(frozen=True)
class Credit:
    """One image's credit: linked segments, plus what the credits slide adds."""

    key: str
    segments: tuple[Segment, ...]
    notes: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.segments)


def _url(value: str | None) -> str | None:
    return value if value and value.startswith(("http://", "https://")) else None


def credit_for(entry: ImageEntry, changes: tuple[str, ...] = ()) -> Credit:
    """The credit line for an image as this deck uses it (`changes`: e.g. ('cropped',))."""
    permission = entry.get("permission") or {}
    if permission.get("credit"):
        return Credit(entry.key, ((permission["credit"], None),), _notes(entry, changes))
    segments: list[Segment] = list(_work(entry))
    if entry.get("copyright"):
        segments.append((f" ({entry.get('copyright')})", None))
    earlier = entry.get("modifications")
    done = list(dict.fromkeys([*changes, *([earlier] if earlier else [])]))  # ours, then earlier ones; once each
    if done:
        segments.append((", " + ", ".join(done), None))
    segments.extend(_licence_segments(entry, bool(done)))
    return Credit(entry.key, tuple(segments), _notes(entry, changes))


def _work(entry: ImageEntry) -> list[Segment]:
    title, author = entry.get("title"), entry.get("author")
    source = _url(entry.get("source"))
    out: list[Segment] = [(f"“{title}”" if title else "This photo", source)]
    if author:
        out += [(" by ", None), (author, _url(entry.get("author_url")))]
    return out


def _licence_segments(entry: ImageEntry, changed: bool) -> list[Segment]:
    """The licence part; after a list of changes, a clause starting 'is …' needs a comma first."""
    lic = entry.licence
    comma = "," if changed else ""
    if lic.kind == "cc":
        return [(f"{comma} is licensed under ", None), (lic.short, lic.url)]
    if lic.id == "CC0-1.0":
        return [(f"{comma} is dedicated to the public domain (", None), ("CC0 1.0", lic.url), (")", None)]
    if lic.id == "CC-PDM-1.0":
        return [(f"{comma} is marked with the ", None), ("Public Domain Mark 1.0", lic.url)]
    if lic.kind == "permission":
        return [(". Used with permission", None)]
    if lic.kind == "draft":
        return [(": credit needed (still TODO in the image register)", None)]
    return [(" (own work)", None)]


def _notes(entry: ImageEntry, changes: tuple[str, ...]) -> tuple[str, ...]:
    lic = entry.licence
    notes = []
    if lic.share_alike:
        notes.append(f"ShareAlike: adaptations of this image must be shared under {lic.short} or a "
                     "compatible licence")
    if not lic.attribution and lic.kind == "public-domain":
        notes.append("courtesy credit: no attribution is required")
    source = entry.get("source")
    if source and not _url(source):
        notes.append(f"source: {source}")
    return tuple(notes)

"""The image register: one entry per image with its file, alt text, credit facts and licence."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import Diagnostics, Loc
from ..model.register import ENTRY, PERMISSION, REGISTER
from ..model.schema import INVALID
from ..source import YMap, display_path, load_yaml
from .licences import DRAFT, Licence, normalise, suggest

TODO = re.compile(r"TODO(:|$)")
PLACEHOLDERS = {"image", "picture", "photo", "photograph", "img", "pic", "graphic", "alt", "alt text", "todo",
                "tbc", "tbd", "untitled", "description", "none", "n/a", "-"}
FILE_NAME = re.compile(r"(^|\s)[\w\-. ]+\.(png|jpe?g|gif|svg|webp|tiff?|bmp)$", re.IGNORECASE)


@dataclass(frozen=True)
class ImageEntry:
    """A checked register entry with its licence and the file it names."""

    key: str
    path: Path
    data: YMap
    licence: Licence
    draft: bool = False  # still TODO, taken as it is by a draft build: its credit says "credit needed"

    @property
    def loc(self) -> Loc:
        return self.data.loc

    def get(self, name: str, default=None):
        return self.data.get(name, default)

    @property
    def focus(self) -> tuple[float, float]:
        x, y = self.data.get("focus") or (0.5, 0.5)
        return float(x), float(y)

    @property
    def may_modify(self) -> bool:
        """Whether it may be cropped or overlaid: the licence allows adaptations, or the permission does."""
        return self.licence.derivatives or bool((self.get("permission") or {}).get("modify"))

    @property
    def may_use_commercially(self) -> bool:
        permission = self.get("permission") or {}
        return self.licence.commercial or bool(permission.get("commercial"))


def find_register(outline: Path, given: str | None) -> Path | None:
    """The register named by the deck, or the first assets/images.yaml above the outline."""
    if given:
        return Path(given)
    for folder in [outline.resolve().parent, *outline.resolve().parents]:
        candidate = folder / "assets" / "images.yaml"
        if candidate.is_file():
            return candidate
    return None


class Register(dict):
    """The checked entries by key; `rejected` names the entries left out because of an error."""

    def __init__(self, entries: dict[str, ImageEntry], rejected: set[str]):
        super().__init__(entries)
        self.rejected = rejected


def load_register(path: Path, diags: Diagnostics, today: dt.date | None = None, draft: bool = False) -> Register:
    """Load and check every entry of a register (all errors of the file in one run). In a `draft`, an entry
    still TODO is taken as it is, with a warning, instead of refused."""
    raw = load_yaml(path)
    data = REGISTER.check(raw, getattr(raw, "loc", Loc(display_path(path))), "", diags)
    if data is INVALID:
        return Register({}, set())
    entries = {}
    for key, item in data.items():
        at = data.key_locs.get(key, item.loc)
        entry = _draft_entry(key, item, path.parent, diags) if draft and _todo(item) else \
            _entry(key, item, path.parent, diags, today or dt.date.today(), at)
        if entry:
            entries[key] = entry
    keys = set(raw) if isinstance(raw, dict) else set()
    return Register(entries, {str(k) for k in keys} - set(entries))


def _entry(key: str, data: YMap, folder: Path, diags: Diagnostics, today: dt.date, at: Loc) -> ImageEntry | None:
    """Check one entry; `at` is where its key is written (for what the entry lacks)."""
    if _unfinished(key, data, diags):
        return None
    licence, note = normalise(data["licence"])
    where = data.at("licence")
    if licence is None:
        diags.error("unknown-licence", f"image '{key}': '{data['licence']}' is not a licence deckbuilder knows",
                    where, f"{key}.licence", _licence_hint(data["licence"]))
        return None
    if note:
        diags.warn("licence-normalised", f"image '{key}': {note}", where, f"{key}.licence",
                   f"write licence: {licence.id}")
    _check_credit_facts(key, data, licence, diags, today, at)
    _check_alt(key, data, diags, at)
    return ImageEntry(key, folder / data["file"], data, licence)


def _licence_hint(text: str) -> str:
    """Point a phrasing at the id it means, else say how licences are written."""
    suggested = suggest(text)
    if suggested:
        return f"write licence: {suggested[0]} ({suggested[1]})"
    return "write the licence's id as the source gives it, e.g. CC-BY-4.0, CC-BY-SA-4.0 or CC0-1.0; LicenseRef-Own " \
        "for your own work, LicenseRef-Permission for a permission (`deckbuilder explain unknown-licence`)"


def _todo(data: YMap) -> list[tuple]:
    """The fields still marked TODO (as `deckbuilder assets add` leaves them), the grant's included: (the mapping
    holding it, its name, what it is, its path)."""
    todo = [(data, name, ENTRY.fields[name].doc, name) for name, value in data.items() if _is_todo(value)]
    grant = data.get("permission") or {}
    return todo + [(grant, name, PERMISSION.fields[name].doc, f"permission.{name}") for name, value in grant.items()
                   if _is_todo(value)]


def _draft_entry(key: str, data: YMap, folder: Path, diags: Diagnostics) -> ImageEntry:
    """An entry still TODO as a draft build shows it: without its TODO fields (its alt text kept as written),
    marked as needing its credit, with one warning saying what is still to do."""
    todo = _todo(data)
    diags.warn("credit-needed", f"image '{key}': {', '.join(path for *_, path in todo)} still TODO: shown with a "
               "'credit needed' mark in this draft", todo[0][0].at(todo[0][1]), f"{key}.{todo[0][3]}",
               "fill in the TODOs before building the deck to show or send")
    kept = data.copy()
    for name in [n for n, value in data.items() if _is_todo(value) and n != "alt"]:
        del kept[name]
    licence = normalise(kept["licence"])[0] if "licence" in kept else None
    return ImageEntry(key, folder / data["file"], kept, licence or DRAFT, draft=True)


def _unfinished(key: str, data: YMap, diags: Diagnostics) -> bool:
    """Report the fields still marked TODO, the grant's included."""
    todo = _todo(data)
    for where, name, doc, path in todo:
        diags.error("todo", f"image '{key}': {path} is still TODO", where.at(name), f"{key}.{path}",
                    f"fill in {name}: {doc}")
    return bool(todo)


def _is_todo(value: object) -> bool:
    return isinstance(value, str) and TODO.match(value) is not None


def _check_credit_facts(key: str, data: YMap, licence: Licence, diags: Diagnostics, today: dt.date,
                        at: Loc) -> None:
    if licence.is_cc and not data.get("source"):
        diags.error("missing-source", f"image '{key}' is {licence.short} but has no source", at,
                    f"{key}.source", "add source: the web address where the image was found")
    permission = data.get("permission")
    exact_credit = licence.kind == "permission" and permission and permission.get("credit")
    if licence.attribution and not data.get("author") and not exact_credit:
        diags.error("missing-author", f"image '{key}' is {licence.short} but names no author", at,
                    f"{key}.author", "add author: as the source gives it ('Unknown Author' if none)")
    if licence.kind == "permission" and not permission:
        diags.error("missing-permission", f"image '{key}' is used with permission but the grant is not recorded",
                    at, f"{key}.permission", "add permission: {granted_by, evidence}")
    if permission and permission.get("expires") and permission["expires"] < today:
        diags.error("permission-expired", f"image '{key}': the permission expired on {permission['expires']}",
                    permission.at("expires"), f"{key}.permission.expires",
                    "renew the permission (and record the new date), or use another image")


def _check_alt(key: str, data: YMap, diags: Diagnostics, at: Loc) -> None:
    alt = data.get("alt")
    if data.get("decorative"):
        if alt:
            diags.error("decorative-with-alt", f"image '{key}' is marked decorative but has alt text",
                        data.at("alt"), f"{key}.alt", "remove alt, or remove decorative: true")
        return
    if not alt:
        diags.error("missing-alt", f"image '{key}' has no alt text", at, f"{key}.alt",
                    "describe what the picture shows, or mark it decorative: true")
    elif placeholder_alt(alt, key, data["file"]):
        diags.error("bad-alt", f"image '{key}': the alt text '{alt}' is a file name or a placeholder",
                    data.at("alt"), f"{key}.alt", "describe what the picture shows")
    else:
        _check_alt_style(key, alt, data, diags)


def placeholder_alt(alt: str, key: str, file: str) -> bool:
    """Whether an alt text is a file name, a placeholder word, or the register key or file name itself."""
    words = alt.strip().lower()
    name = Path(file).name.lower()
    return bool(FILE_NAME.search(alt)) or words in PLACEHOLDERS | {key.lower(), name, name.rsplit(".", 1)[0]}


def _check_alt_style(key: str, alt: str, data: YMap, diags: Diagnostics) -> None:
    if len(alt) > 250:
        diags.warn("long-alt", f"image '{key}': the alt text has {len(alt)} characters", data.at("alt"),
                   f"{key}.alt", "keep alt text under about 250 characters; put detail in the notes")
    prefix = re.match(r"(an? )?(image|picture|photo(graph)?) of\b", alt.strip(), re.IGNORECASE)
    if prefix:
        diags.warn("alt-prefix", f"image '{key}': alt text need not start with '{prefix.group()}'",
                   data.at("alt"), f"{key}.alt", "start with what it shows; screen readers already say it is a picture")

"""Starting a register entry from what an image file says about itself: EXIF, IPTC IIM and XMP.

`entry_from_file` reads the credit facts a file carries and returns a register entry with `TODO` markers for
what is missing; `add_to_register` appends it to the register as YAML, leaving the file's text as it was.
Embedded metadata is a hint, not proof: the entry says where each value came from, to be checked by a person.
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import yaml

from ..errors import BuildError, Loc, fail
from ..model.register import ENTRY
from ..source import YMap, display_path, load_yaml, parse_yaml
from .embedded import one_line, read_metadata
from .images import _open
from .licences import Licence, normalise
from .register import TODO as TODO_PATTERN

TODO = "TODO"
KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")  # the names the register accepts

HINTS = {
    "alt": "describe what the picture shows in one sentence (or remove alt and write decorative: true)",
    "author": "the author as the source gives it ('Unknown Author' if it names none)",
    "source": "the web address where the image was found",
    "licence": "an SPDX id such as CC-BY-4.0 (see the source page), or LicenseRef-Permission or LicenseRef-Own",
}


class NewEntry(dict):
    """A register entry to review: its fields (missing ones are 'TODO: what to write'), where each value was
    read (`found`, e.g. {'author': 'XMP dc:creator'}) and what could not be read or was guessed (`notes`)."""

    def __init__(self, fields: dict, found: dict[str, str], notes: list[str]):
        super().__init__(fields)
        self.found = found
        self.notes = notes

    @property
    def todo(self) -> list[str]:
        """The fields still to fill in."""
        return [name for name, value in self.items() if is_todo(value)]


def is_todo(value: object) -> bool:
    return isinstance(value, str) and TODO_PATTERN.match(value) is not None


def _todo(what: str) -> str:
    return f"{TODO}: {what}"


# Building the entry ----------------------------------------------------------------------------------------------

def entry_from_file(path: Path, register_folder: Path) -> NewEntry:
    """A register entry for an image file from its embedded metadata, with TODO markers for what is missing.

    Raises ImageProblem when the file is not a readable image."""
    with _open(Path(path)) as img:
        found, notes = read_metadata(img)
    fields: dict = {"file": _relative(Path(path), Path(register_folder))}
    where: dict[str, str] = {}

    def take(field: str, name: str) -> None:
        if name in found:
            fields[field], where[field] = found[name]

    take("alt", "alt")
    if "alt" not in fields:
        described = f"; the file's description reads '{found['description'][0]}'" if "description" in found else ""
        fields["alt"] = _todo(HINTS["alt"] + described)
    take("title", "title")
    licence = _licence(found, fields, where, notes)
    take("author", "author")
    if "author" not in fields:
        take("author", "credit")
    if "author" not in fields and (licence is None or licence.attribution):
        fields["author"] = _todo(HINTS["author"])
    _source(found, fields, where, licence)
    fields["licence"] = fields.pop("licence")  # keep the register's order: ... source, licence, copyright
    take("copyright", "copyright")
    fields["focus"] = [0.5, 0.5]
    return NewEntry(fields, where, notes)


def _licence(found: dict, fields: dict, where: dict, notes: list[str]) -> Licence | None:
    """The licence named by cc:license, or by a WebStatement that is a licence address; else TODO."""
    for name in ("licence", "web"):
        if name not in found:
            continue
        text, source = found[name]
        lic, note = normalise(text)
        if lic is not None:
            loose = note and not (text.startswith(("http://", "https://")) and "(" not in note)
            fields["licence"], where["licence"] = lic.id, f"{source} '{text}'" if loose else source
            if loose:  # a loose name, an assumed version or a port; a plain deed address is exact
                notes.append(f"licence: {note}")
            return lic
        if name == "licence":
            notes.append(f"licence: the file says '{text}' ({source}), which is not a licence deckbuilder knows")
    fields["licence"] = _todo(HINTS["licence"])
    return None


def _source(found: dict, fields: dict, where: dict, licence: Licence | None) -> None:
    web = found.get("web")
    if web and web[0].startswith(("http://", "https://")) and normalise(web[0])[0] is None:
        fields["source"], where["source"] = web
    elif licence is None or licence.is_cc:
        named = f"; the file names the source '{found['source_name'][0]}'" if "source_name" in found else ""
        fields["source"] = _todo(HINTS["source"] + named)


def _relative(path: Path, folder: Path) -> str:
    try:
        return Path(os.path.relpath(path.resolve(), folder.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return path.resolve().as_posix()


def default_key(path: Path) -> str:
    """A register key from a file name: 'Child Joy (2).JPG' -> 'child-joy-2'."""
    return re.sub(r"[^a-z0-9]+", "-", Path(path).stem.lower()).strip("-") or "image"


def register_for(image: Path) -> Path:
    """The register an image belongs to: that of the `assets` folder it lies in, else the nearest
    assets/images.yaml above it, else ./assets/images.yaml."""
    parents = Path(image).resolve().parents
    for folder in parents:
        if folder.name == "assets":
            return folder / "images.yaml"
    for folder in parents:
        if (folder / "assets" / "images.yaml").is_file():
            return folder / "assets" / "images.yaml"
    return Path("assets") / "images.yaml"


# Writing it ------------------------------------------------------------------------------------------------------

HEADER = "# The image register: one entry per image, keyed by the name decks use.\n"


def add_to_register(register: Path, key: str, entry: dict) -> None:
    """Append `entry` under `key` to the register, as YAML with a comment per TODO; the file's existing text
    (comments included) is kept byte for byte. Creates the register if it does not exist.

    Raises BuildError: 'bad-name' (a key the register cannot hold), 'image-exists' (the key is taken), or the
    register's own YAML error (nothing is appended to a file that does not load)."""
    register = Path(register)
    shown = display_path(register)
    if not KEY.fullmatch(key):
        raise fail("bad-name", f"'{key}' cannot name an image", Loc(shown), "--key",
                   f"use letters, digits, '-', '_' and '.', starting with a letter or digit, e.g. "
                   f"'{default_key(Path(key))}'")
    old = register.read_bytes() if register.exists() else b""
    _refuse_taken(register, key, old)
    newline = "\r\n" if b"\r\n" in old else "\n"
    text = entry_yaml(key, entry)
    if old and not old.endswith(b"\n"):
        text = "\n" + text
    if old.strip():
        text = "\n" + text
    new = old + (text if old else HEADER + "\n" + text).replace("\n", newline).encode("utf-8")
    _check_written(new, key, entry, shown)
    _write(register, new)


def _refuse_taken(register: Path, key: str, old: bytes) -> None:
    if not old.strip():
        return
    try:
        data = load_yaml(register)
    except BuildError as exc:
        if [d.code for d in exc.diagnostics] == ["empty-file"]:
            return  # only comments so far
        raise
    shown = display_path(register)
    if not isinstance(data, YMap):
        raise fail("register-not-a-mapping", f"{shown} does not hold a mapping of images", Loc(shown),
                   hint="an image register has one 'key:' per image at the start of a line")
    if key in data:
        free = next(f"{key}-{n}" for n in range(2, 1000) if f"{key}-{n}" not in data)
        raise fail("image-exists", f"{shown} already has an image '{key}'", data.key_locs.get(key, Loc(shown)),
                   "--key", f"choose another key, e.g. --key {free}, or edit the entry that is there")


def entry_yaml(key: str, entry: dict) -> str:
    """The entry as register YAML: TODO values become `TODO  # what to write`; values read from the file say
    where they came from."""
    found = getattr(entry, "found", {})
    lines = [_dump({key: None}).rsplit(":", 1)[0] + ":"]
    for name, value in entry.items():
        if value is None:
            continue
        if is_todo(value):
            comment = value[len(TODO):].lstrip(": ") or HINTS.get(name) or _field_doc(name)
            value = TODO
        else:
            comment = f"from the file's {found[name]}" if name in found else ""
        dumped = _dump({name: value}).splitlines()
        comment = one_line(comment)
        if comment and len(dumped) == 1:
            dumped[0] += f"  # {comment}"
        elif comment:
            dumped.insert(0, f"# {comment}")
        lines += [f"  {line}" for line in dumped]
    return "\n".join(lines) + "\n"


def _field_doc(name: str) -> str:
    field = ENTRY.fields.get(name)
    return field.doc if field else ""


def _dump(data: dict) -> str:
    """One `name: value` in block style; a list or mapping value is written in flow style: [0.5, 0.5]."""
    ((name, value),) = data.items()
    if isinstance(value, Path):
        value = value.as_posix()
    if isinstance(value, (dict, list, tuple)):
        flow = yaml.safe_dump(value if not isinstance(value, tuple) else list(value), default_flow_style=True,
                              allow_unicode=True, sort_keys=False, width=1_000_000).rstrip("\n")
        return _dump({name: None})[: -len("null")] + flow
    return yaml.safe_dump({name: value}, default_flow_style=False, allow_unicode=True, sort_keys=False,
                          width=1_000_000).rstrip("\n")


def _check_written(new: bytes, key: str, entry: dict, shown: str) -> None:
    """Read the new text back: the entry must come out as it went in (else nothing is written)."""
    data = parse_yaml(new.decode("utf-8-sig"), shown)
    wanted = {k: (TODO if is_todo(v) else v) for k, v in entry.items() if v is not None}
    if not isinstance(data, dict) or _plain(data.get(key)) != _plain(wanted):
        raise fail("register-write", f"the entry '{key}' would not read back as written", Loc(shown),
                   hint="this is a bug in deckbuilder; add the entry by hand")


def _plain(value):
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return value


def _write(register: Path, data: bytes) -> None:
    """Replace the file in one step (a crash leaves the old or the new text, never half of it)."""
    target = register.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".images-", suffix=".yaml")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def summary(key: str, entry: dict, register: Path) -> str:
    """What `deckbuilder assets add` prints: what was read (and from where), what is still TODO, and notes."""
    found = getattr(entry, "found", {})
    lines = [f"Added '{key}' to {display_path(Path(register))} (file: {entry.get('file')})"]
    known = [(n, v) for n, v in entry.items() if n in found]
    if known:
        lines.append("Read from the file (check each one):")
        lines += [f"  {n:<10} {v}   [{found[n]}]" for n, v in known]
    todo = [(n, v) for n, v in entry.items() if is_todo(v)]
    if todo:
        lines.append("Still to fill in (marked TODO in the register; builds refuse the image until done):")
        lines += [f"  {n:<10} {v[len(TODO):].lstrip(': ') or HINTS.get(n, '')}" for n, v in todo]
    lines += [f"note: {note}" for note in getattr(entry, "notes", [])]
    return "\n".join(lines)

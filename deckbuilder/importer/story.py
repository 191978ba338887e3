"""Writing story.yaml: the deck block and one slide per slide in the project's YAML style, each slide headed by
the slide of the original it came from and what to check; and checking each slide against the outline schema."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml

from ..errors import BuildError, Diagnostics, Loc
from ..model.outline import check_deck, check_slide
from ..source import parse_yaml

DECK_ORDER = ("title", "subtitle", "event", "date", "presenter", "contact", "url", "theme", "images")


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented under their key, multi-line text as `|` blocks, numbers in [flow]."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|" if "\n" in data else None)


def _list(dumper: yaml.SafeDumper, data: list) -> yaml.SequenceNode:
    numbers = data and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=bool(numbers))


class Row(list):
    """A table row: written on one line, [North East, 3, 420]."""


_Dumper.add_representer(str, _str)
_Dumper.add_representer(list, _list)
_Dumper.add_representer(Row, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data,
                                                                            flow_style=True))


def dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000,
                     default_flow_style=False)


def story_text(header: list[str], deck: dict, slides: list[tuple[dict, list[str]]]) -> str:
    """The story file: header comments, the deck block, then each slide with its comment lines."""
    facts = {k: deck[k] for k in DECK_ORDER if k in deck}
    parts = ["".join(f"# {line}\n" for line in header), dump({"deck": facts}), "\nslides:\n"]
    for fields, comments in slides:
        block = dump([fields])
        lines = "".join(f"  # {c}\n" for c in comments)
        parts.append(("\n" if parts[-1] != "\nslides:\n" else "") + lines +
                     "".join(f"  {line}\n" for line in block.splitlines()))
    return "".join(parts)


def slide_problems(fields: dict) -> list[str]:
    """What the outline schema says about one slide ([] when it is valid)."""
    diags = Diagnostics()
    try:
        raw = parse_yaml(dump(fields), "slide")
    except BuildError as exc:
        return [d.message for d in exc.diagnostics]
    check_slide(raw, Loc("slide"), "slide", diags)
    return [f"{d.path}: {d.message}" for d in diags if d.severity == "error"]


def deck_problems(deck: dict) -> list[str]:
    diags = Diagnostics()
    raw = parse_yaml(dump(deck), "deck")
    check_deck(raw, Loc("deck"), "deck", diags)
    return [f"{d.path}: {d.message}" for d in diags if d.severity == "error"]


def write_new(path: Path, text: str) -> None:
    """Write the file in one step (a crash leaves no half-written story)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".story-", suffix=".yaml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

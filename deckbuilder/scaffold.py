"""`deckbuilder new`: a story and its audience outlines, commented field by field, that build at once."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .errors import Loc, fail
from .model.outline import slug

STORY = """\
# The shared story: deck facts and every slide, each with an id. Audience outlines next to this
# file pick, reorder and adapt these slides. Run `deckbuilder layouts` to see every slide kind.
deck:
  title: {title}              # the talk's title: the title slide and the document's title
  subtitle: Why it matters, and what we ask   # a line under the title
  event: Our event                 # where the talk is given
  date: {date}                # when (YYYY-MM-DD); also the document's date
  presenter: {{name: Your Name, role: Your role}}   # who gives the talk
  theme: default                   # a built-in theme (default, hope) or the path of a theme .yaml
  use: public                      # internal | public | fundraising | commercial: drives licence checks

slides:
  - id: title                      # every slide has a unique id; audience outlines refer to it
    layout: title                  # the opening slide, made from the deck facts
    notes: |                       # speaker notes go into the notes page (and count towards talk time)
      Welcome, and thank you for having me.

  - id: the-problem
    layout: bullets                # a title and points; long lists continue on a new slide
    title: The problem
    bullets:
      - The first point
      - text: A point only some audiences see
        only: [{first}]            # or except: [...]; works on slides and on list items
      - text: A point with detail
        bullets: [A sub-point]
    notes: Say why it matters now.

  - id: the-number
    layout: stat                   # one to four big numbers
    title: One number to remember
    stats:
      - {{value: "1 in 10", label: say what the number counts}}

  - id: the-ask
    layout: statement              # one sentence, very large
    text: This is what we ask
    highlight: what we ask         # shown in the accent colour

  - id: thanks
    layout: closing
    text: Thank you
    contact: you@example.org
"""

AUDIENCE = """\
# What the {name} audience sees: this outline extends the story and picks its slides by id.
extends: story.yaml
audience: {name}                   # used by only/except and in the file name: {story}-{name}.pptx
deck:
  subtitle: What it means for {name}   # deck fields here merge over the story's
slides:                            # order and selection for this audience (omit to take them all)
  - title
  - the-problem
  - use: the-number                # a story slide with some fields overridden
    title: The number for {name}
  - the-ask
  - thanks
"""


def scaffold(name: str, audiences: list[str], root: Path) -> list[Path]:
    """Write <root>/<name>/story.yaml and one outline per audience; refuses to overwrite anything."""
    folder = root / slug(name)
    if folder.exists():
        raise fail("exists", f"{folder} already exists", Loc(str(folder)), hint="choose another name")
    folder.mkdir(parents=True)
    audiences = [slug(a) for a in audiences] or ["everyone"]
    title = name.replace("-", " ").strip().capitalize()
    files = {"story.yaml": STORY.format(title=title, date=dt.date.today().isoformat(), first=audiences[0])}
    for audience in audiences:
        files[f"{audience}.yaml"] = AUDIENCE.format(name=audience, story=folder.name)
    for file_name, text in files.items():
        (folder / file_name).write_text(text, encoding="utf-8")
    return [folder / f for f in files]

"""Awkward, realistic slides are laid out, not refused: on 16:9 and 4:3, on the sample brand and on foreign
templates, with every word kept, few continuation slides, and nothing leaving its box in LibreOffice."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from deckbuilder.api import Options, build
from deckbuilder.checks.render import check_rendered
from deckbuilder.layout.grid import Grid
from deckbuilder.source import YMap
from tests.layout.invariants import check_invariants, default_grid
from tests.words import missing

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ASKED = 61  # slides in awkward.yaml
MOST = 1.25  # continuation slides may add at most a quarter
WIDE_4_BY_3 = """name: Four by three, wide margins
size: "4:3"
colors: {primary: "#1F3A5F", accent: "#B03A2E"}
fonts: {heading: Arial, body: Arial}
margins: {side: 1.0, top: 0.8, bottom: 0.8}
footer: Regional Food Partnership
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A project holding the awkward outline and the sample images."""
    root = tmp_path_factory.mktemp("awkward")
    shutil.copytree(ROOT / "assets", root / "assets")
    (root / "decks").mkdir()
    (root / "pyproject.toml").write_text("")
    (root / "assets" / "brand" / "wide43.yaml").write_text(WIDE_4_BY_3)
    return root


def on_theme(project: Path, name: str, theme: str) -> Path:
    outline = project / "decks" / f"awkward-{name}.yaml"
    outline.write_text((HERE / "awkward.yaml").read_text().replace("theme: hope", f"theme: {theme}"))
    return outline


def template_theme(project: Path, template: Path) -> str:
    shutil.copy(template, project / "assets" / "brand" / template.name)
    theme = project / "assets" / "brand" / f"{template.stem.lower()}.yaml"
    theme.write_text(f'name: {template.stem}\ntemplate: {template.name}\ncolors: {{primary: "#1F3A5F", '
                     f'accent: "#B03A2E"}}\n')
    return f"../assets/brand/{theme.name}"


@pytest.fixture(scope="module")
def decks(project, tmp_path_factory, request) -> dict:
    """The outline built on the sample brand (16:9), a 4:3 theme with wide margins, and, where LibreOffice is
    installed, its Vintage (4:3) and Vivid templates."""
    themes = {"hope": "hope", "wide43": "../assets/brand/wide43.yaml"}
    if shutil.which("soffice"):
        templates = request.getfixturevalue("libreoffice_templates")
        themes.update({name.lower(): template_theme(project, templates[name]) for name in ("Vintage", "Vivid")})
    out = tmp_path_factory.mktemp("awkward-out")
    results = build([on_theme(project, name, theme) for name, theme in themes.items()], Options(out=out))
    return {r.outline.stem.removeprefix("awkward-"): r for r in results}


def test_every_slide_is_laid_out_not_refused(decks):
    for name, result in decks.items():
        assert result.ok, (name, [str(d) for d in result.diagnostics.errors])
        assert len(result.deck.slides) == ASKED


def test_the_plans_keep_every_invariant(decks):
    wide = Grid.for_theme("4:3", {"side": 1.0, "top": 0.8, "bottom": 0.8})
    grids = {"hope": default_grid, "wide43": lambda plan: wide}
    for name, result in decks.items():
        check_invariants({name: result.plan}, grids.get(name, lambda plan: None))


def test_continuation_adds_at_most_a_quarter(decks):
    for name, result in decks.items():
        made = sum(1 for s in result.plan.slides if s.layout != "credits")
        assert made <= ASKED * MOST, (name, made)


def test_every_word_written_is_in_the_deck(decks):
    for name, result in decks.items():
        assert missing(result.deck.slides, result.output) == [], name


def test_a_dropped_word_is_found_missing(decks):
    result = decks["hope"]
    first = result.deck.slides[0]
    extra = YMap({**first.data, "caption": "zyzzyva"})
    assert missing([replace(first, data=extra)], result.output) == ["title.caption: 'zyzzyva' (missing: zyzzyva)",
                                                                    "'zyzzyva' written 1 times, shown 0"]


def test_arrangements_are_named_where_the_first_did_not_fit(decks):
    arranged = {s.id: s.arranged for s in decks["hope"].plan.slides if s.arranged}
    assert arranged["four-units"] in ("a 2 × 2 grid", "the units on a smaller line")
    assert "two columns of points" in arranged["fourteen-items"]


@pytest.mark.soffice
@pytest.mark.parametrize("name", ["hope", "wide43", "vintage", "vivid"])
def test_libreoffice_shows_no_overflow(decks, name, tmp_path):
    if name not in decks:
        pytest.skip("the template needs LibreOffice")
    found = [str(d) for d in check_rendered(decks[name].output, tmp_path) if d.severity == "error"]
    assert found == []

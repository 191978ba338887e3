"""The pictures slide: two to six pictures in a grid, each with its caption under it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from deckbuilder.api import Options, build
from deckbuilder.layout.ir import Picture, TextBox

ROOT = Path(__file__).resolve().parents[2]
KEYS = ["held-hands", "together", "balloons", "hope-sunrise", "held-hands", "together"]


def planned(tmp_path: Path, count: int, caption: str = "A caption"):
    shutil.copytree(ROOT / "assets", tmp_path / "assets")
    pictures = "".join(f"      - {{image: {key}, caption: {caption} {i}}}\n" for i, key in enumerate(KEYS[:count]))
    path = tmp_path / "deck.yaml"
    path.write_text(f"deck: {{title: Pictures}}\nslides:\n  - id: p\n    layout: pictures\n    title: At work\n"
                    f"    pictures:\n{pictures}")
    (result,) = build([path], Options(out=tmp_path / "out", write=False))
    return result


@pytest.mark.parametrize("count, rows", [(2, 1), (3, 1), (4, 2), (6, 2)])
def test_the_pictures_make_a_grid_each_with_its_caption_under_it(tmp_path, count, rows):
    result = planned(tmp_path, count)
    assert result.ok, [str(d) for d in result.diagnostics]
    (slide,) = result.plan.slides[:1]
    pictures = [s for s in slide.shapes if isinstance(s, Picture)]
    captions = [s for s in slide.shapes if isinstance(s, TextBox) and s.name == "Caption"]
    assert len(pictures) == count and len({p.box.y for p in pictures if p.box.h}) >= 1
    assert len({c.box.y for c in captions}) == rows  # the captions of a row on one line
    for picture, caption in zip(pictures, captions):
        assert caption.box.y >= picture.box.bottom and caption.paras[0].text.startswith("A caption")


def test_one_picture_or_seven_are_refused_by_the_schema(tmp_path):
    result = planned(tmp_path, 1)
    assert [d.code for d in result.diagnostics.errors] == ["too-few-items"]

"""DeckPlan invariants: boxes inside the slide and margins, no stray overlaps, text that fits (used by the layout
tests on every deck they build)."""
from __future__ import annotations

from deckbuilder.layout.grid import Grid
from deckbuilder.layout.ir import Box, Chart, Picture, Rect, TextBox
from deckbuilder.layout.text import Measurer

EDGE_ROLES = {"footer", "number", "credit"}  # these live in the bottom margin or under bled pictures


def default_grid(plan) -> Grid:
    """The grid of a deck on a built-in theme (16:9 or 4:3, the default margins)."""
    return Grid(plan.width, plan.height, 685_800, 548_640, 640_080)


def check_invariants(plans: dict, grid=default_grid) -> None:
    """Every invariant here, on the plans of several decks (name -> DeckPlan); `grid(plan)` gives a deck's grid,
    or None where its margins are a template's (the margin checks are then left out)."""
    for check in (every_box_is_inside_the_slide, text_boxes_do_not_overlap_each_other_or_pictures,
                  every_text_fits_its_frame_by_measurement, every_run_has_an_explicit_size_within_the_floors,
                  every_slide_has_one_title):
        check(plans)
    for check in (text_stays_inside_the_side_margins, text_stays_above_the_footer):
        check({name: plan for name, plan in plans.items() if grid(plan)}, grid)


def every_box_is_inside_the_slide(plans):
    for name, plan in plans.items():
        slide_box = Box(0, 0, plan.width, plan.height)
        for slide in plan.slides:
            for shape in slide.shapes:
                assert shape.box.inside(slide_box), (name, slide.id, shape.name, shape.box)


def text_stays_inside_the_side_margins(plans, grid=default_grid):
    for name, plan in plans.items():
        side = grid(plan).side
        for slide in plan.slides:
            for shape in slide.shapes:
                if isinstance(shape, TextBox) and shape.role not in EDGE_ROLES and shape.name != "Quotation mark":
                    assert side <= shape.box.x and shape.box.right <= plan.width - side, (name, slide.id, shape.name)


def text_stays_above_the_footer(plans, grid=default_grid):
    """Except text on a scrim over a full-bleed photo, which has no footer."""
    for name, plan in plans.items():
        bottom = plan.height - grid(plan).bottom
        for slide in plan.slides:
            scrims = [s.box for s in slide.shapes if isinstance(s, Rect) and s.name == "Scrim"]
            for shape in slide.shapes:
                on_scrim = any(shape.box.inside(box) for box in scrims)
                if isinstance(shape, TextBox) and shape.role not in EDGE_ROLES and not on_scrim:
                    assert shape.box.bottom <= bottom, (name, slide.id, shape.name)


def text_boxes_do_not_overlap_each_other_or_pictures(plans):
    for name, plan in plans.items():
        for slide in plan.slides:
            texts = [s for s in slide.shapes if isinstance(s, TextBox)]
            solid = [s for s in slide.shapes if isinstance(s, (Picture, Chart))]
            scrims = [s for s in slide.shapes if isinstance(s, Rect) and s.name == "Scrim"]
            for i, a in enumerate(texts):
                for b in texts[i + 1:]:
                    assert not a.box.overlaps(b.box), (name, slide.id, a.name, b.name)
                for thing in solid:
                    on_scrim = any(a.box.inside(s.box) for s in scrims)
                    assert on_scrim or not a.box.overlaps(thing.box), (name, slide.id, a.name, thing.name)


def every_text_fits_its_frame_by_measurement(plans):
    measure = Measurer()
    for name, plan in plans.items():
        for slide in plan.slides:
            for shape in slide.shapes:
                if isinstance(shape, TextBox):
                    needed = measure.height(shape.paras, shape.box.w - 2 * shape.inset)
                    assert needed <= shape.box.h - 2 * shape.inset, (name, slide.id, shape.name, needed, shape.box.h)


def every_run_has_an_explicit_size_within_the_floors(plans):
    for plan in plans.values():
        for slide in plan.slides:
            for shape in slide.shapes:
                if isinstance(shape, TextBox):
                    floor = 10 if shape.role in EDGE_ROLES | {"source"} else 14
                    assert all(run.size >= floor for para in shape.paras for run in para.runs), (slide.id, shape.name)


def every_slide_has_one_title(plans):
    for plan in plans.values():
        for slide in plan.slides:
            assert sum(1 for s in slide.shapes if isinstance(s, TextBox) and s.role == "title") >= 1, slide.id
            assert slide.title.strip()


def slides_share_one_grid(plans):
    """Titles of content slides start at the same place on every slide."""
    for plan in plans.values():
        starts = {(s.box.x, s.box.y) for slide in plan.slides for s in slide.shapes
                  if isinstance(s, Rect) and s.name == "Accent bar" and slide.chrome == "content"
                  and slide.layout not in ("statement",)}
        assert len({y for _, y in starts}) == 1, starts

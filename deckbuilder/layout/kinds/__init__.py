"""The one table from layout names to the functions that plan them."""
from __future__ import annotations

from collections.abc import Callable

from ...model.outline import Slide
from ..context import Ctx
from ..ir import SlidePlan
from .bullets import plan_bullets
from .chart import plan_chart
from .checklist import plan_checklist
from .columns import plan_columns
from .cover import plan_closing, plan_section, plan_title
from .credits import plan_credits
from .image import plan_image, plan_image_text
from .logos import plan_logos
from .paper import plan_paper
from .pictures import plan_pictures
from .post import plan_post
from .quote import plan_quote
from .stat import plan_stat
from .statement import plan_statement
from .steps import plan_steps
from .table import plan_table

Planner = Callable[[Slide, Ctx], list[SlidePlan]]

KINDS: dict[str, Planner] = {
    "title": plan_title,
    "section": plan_section,
    "bullets": plan_bullets,
    "statement": plan_statement,
    "stat": plan_stat,
    "quote": plan_quote,
    "image": plan_image,
    "image-text": plan_image_text,
    "columns": plan_columns,
    "paper": plan_paper,
    "post": plan_post,
    "checklist": plan_checklist,
    "logos": plan_logos,
    "chart": plan_chart,
    "steps": plan_steps,
    "table": plan_table,
    "pictures": plan_pictures,
    "closing": plan_closing,
    "credits": plan_credits,
}

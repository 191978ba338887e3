"""The one table from layout names to the functions that plan them."""
from __future__ import annotations

from typing import Callable

from ...model.outline import Slide
from ..context import Ctx
from ..ir import SlidePlan
from .bullets import plan_bullets
from .cover import plan_closing, plan_section, plan_title
from .credits import plan_credits
from .statement import plan_statement

Planner = Callable[[Slide, Ctx], list[SlidePlan]]

KINDS: dict[str, Planner] = {
    "title": plan_title,
    "section": plan_section,
    "bullets": plan_bullets,
    "statement": plan_statement,
    "closing": plan_closing,
    "credits": plan_credits,
}

"""The line-break corpus: boxes of text measured by the model and drawn by LibreOffice, and their agreement."""
from __future__ import annotations

import subprocess
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from deckbuilder.checks.render import (
    Glyph,
    findings,
    read_glyphs,
    render_pdf,
    soffice,
    tag_copy,
)
from deckbuilder.errors import Diagnostic
from deckbuilder.layout.ir import (
    EMU_PER_PT,
    Box,
    DeckPlan,
    DocProps,
    Para,
    Run,
    SlidePlan,
    TextBox,
    inches,
    points,
)
from deckbuilder.layout.text import WIDTH_SLACK, Measurer, para_pitch
from deckbuilder.render.deck import render_pptx

SLIDE_W, SLIDE_H = inches(13.333), inches(7.5)
MARGIN, GAP, TOP = inches(0.3), inches(0.2), inches(0.6)
FONTS = ("Calibri", "Arial", "Cambria", "Times New Roman")
SIZES = (14, 18, 20, 24, 28, 32, 36, 40, 48, 60)
WIDTHS = (1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0)
NBSP, NNBSP = "\u00a0", "\u202f"
TEXTS = (
    ("english", "The quick brown fox jumps over the lazy dog while the committee reviews its annual budget."),
    ("english-2", "Specialised parent-infant relationship teams help babies and parents before problems set in."),
    ("title", "Babies are suffering now and need help"),
    ("welsh", "Gŵyl y Gwanwyn: dŵr, tŷ, cwmwd a chwŷn. Mae'r plant yn dysgu Cymraeg bob dydd yn yr ysgol."),
    ("welsh-2", "Ŵyr ac wyres yn yr ŷd; mae'r ŵyn bach yn chwarae ar lan yr afon ger y bont."),
    ("polish", "Zażółć gęślą jaźń: łódź płynęła przez jezioro, a żółw ją gonił aż do świtu nad Wisłą."),
    ("french", f"L'été dernier, nous sommes allés à la plage{NBSP}: c'était formidable{NNBSP}! Où êtes-vous, "
               f"chère amie{NNBSP}? «{NBSP}Très bien{NBSP}», répond-elle."),
    ("german", "Die Donaudampfschifffahrtsgesellschaft prüfte das Rindfleischetikettierungsüberwachungs"
               "aufgabenübertragungsgesetz gründlich."),
    ("hyphens", "A well-known, long-term, state-of-the-art, evidence-based, family-centred approach to care."),
    ("url", "Read more at https://www.example.org/reports/2023/parent-infant-teams or www.gov.uk/guidance today."),
    ("units", "We need £100 million, 400 teams, 12.5 km of road, 3 kg of flour, 25 °C and 60% coverage by 2030."),
    ("dashes", "Prevention – not cure – is the goal; early help—when it works—saves lives over 10–15 years."),
    ("arabic", "الأطفال يحتاجون إلى المساعدة الآن، ونحن بحاجة إلى أربعمائة فريق وليس أربعين."),
    ("contact", "Email hello@example.com or call +44 (0)20 7946 0958 before 5 p.m. on Friday 23 November 2023."),
    ("slashes", "Either/or choices, and/or input/output pairs, km/h limits and 24/7 support lines."),
    ("quotes", "“It’s urgent,” she said, “that we intervene with new mental-health teams (now).”"),
    ("long-word", "Pneumonoultramicroscopicsilicovolcanoconiosis"),
    ("numbers", "1,234,567 people; 89.5% agreed; 3.14159 × 2 = 6.28318; 1st, 2nd, 3rd and 4th place."),
    ("short", "Thank you"),
    ("mixed-case", "NHS England, UNICEF UK and the WHO publish DATA on BABIES every YEAR since 1948."),
)


@dataclass(frozen=True)
class Case:
    """One text box of the corpus."""

    name: str
    label: str
    text: str
    font: str
    size: float
    width: int  # EMU
    bold: bool = False

    @property
    def para(self) -> Para:
        return Para((Run(self.text, self.font, self.size, self.bold),))


@dataclass(frozen=True)
class Row:
    """One box: the model's lines (without slack), its line count with slack, and the lines LibreOffice drew."""

    case: Case
    model_lines: tuple[str, ...]
    model_slack: int
    rendered_lines: tuple[str, ...]  # left to right as drawn, so right-to-left lines read reversed

    @property
    def model(self) -> int:
        return len(self.model_lines)

    @property
    def rendered(self) -> int:
        return len(self.rendered_lines)

    @property
    def same_breaks(self) -> bool:
        """Every line holds the same characters (compared as sets of characters, whatever the direction)."""
        return [_chars(line) for line in self.model_lines] == [_chars(line) for line in self.rendered_lines]


@dataclass(frozen=True)
class Result:
    rows: list[Row]
    findings: list[Diagnostic]  # what the render check says about the corpus deck


def _chars(text: str) -> Counter:
    return Counter(c for c in unicodedata.normalize("NFKC", text) if not c.isspace())


def corpus(measurer: Measurer, count: int = 160) -> list[Case]:
    """`count` boxes: every text in every font, at spread-out sizes and widths, each fitting on one slide."""
    cases = []
    for i in range(count):
        label, text = TEXTS[i % len(TEXTS)]
        font = FONTS[(i // len(TEXTS) + i) % len(FONTS)]
        size, width = SIZES[(i * 7 + i // len(TEXTS)) % len(SIZES)], WIDTHS[(i * 5 + i // 3) % len(WIDTHS)]
        case = Case(f"lb-{i:03d}", label, text, font, size, inches(width), bold=i % 5 == 4)
        while _height(measurer, case) > SLIDE_H - TOP - 2 * MARGIN and case.size > SIZES[0]:
            wider = [w for w in WIDTHS if inches(w) > case.width]
            case = replace(case, width=inches(wider[0])) if wider else replace(case, size=case.size - 4)
        cases.append(case)
    return cases


def _height(measurer: Measurer, case: Case) -> int:
    """A generous box height: the model's lines (with slack) plus one, so nothing runs off the box."""
    return points((measurer.line_count(case.para, case.width) + 1) * para_pitch(case.para))


def corpus_plan(cases: list[Case], measurer: Measurer) -> DeckPlan:
    """The corpus as a deck: boxes packed in rows (shelves), as many slides as needed."""
    slides, shapes = [], []
    x, y, row_h = MARGIN, TOP, 0
    for case in cases:
        w, h = case.width, _height(measurer, case)
        if x + w > SLIDE_W - MARGIN:
            x, y, row_h = MARGIN, y + row_h + GAP, 0
        if y + h > SLIDE_H - MARGIN:
            slides.append(_slide(len(slides) + 1, shapes))
            shapes, x, y, row_h = [], MARGIN, TOP, 0
        shapes.append(TextBox(Box(x, y, w, h), (case.para,), name=case.name))
        x, row_h = x + w + GAP, max(row_h, h)
    slides.append(_slide(len(slides) + 1, shapes))
    return DeckPlan(SLIDE_W, SLIDE_H, DocProps("Line-break corpus"), ("Calibri", "Calibri"), {}, tuple(slides))


def _slide(number: int, shapes: list[TextBox]) -> SlidePlan:
    heading = Para((Run(f"Corpus {number}", "Calibri", 16),))
    title = TextBox(Box(MARGIN, inches(0.1), inches(6), inches(0.4)), (heading,), role="title", name="Title")
    return SlidePlan(f"corpus-{number}", "corpus", f"Corpus {number}", (title, *shapes))


def drawn_lines(glyphs: list[Glyph]) -> tuple[str, ...]:
    """A shape's glyphs as lines: grouped by baseline (top to bottom), each read left to right."""
    lines: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: g.baseline):
        if lines and glyph.baseline - lines[-1][0].baseline < 2.0:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    return tuple("".join(g.char for g in sorted(line, key=lambda g: g.left)) for line in lines)


def agreement(workdir: Path, count: int = 160) -> Result:
    """Build the corpus deck, render it once, and compare each box's lines with the model's."""
    measurer = Measurer()
    cases = corpus(measurer, count)
    workdir.mkdir(parents=True, exist_ok=True)
    plan = corpus_plan(cases, measurer)
    deck, tagged = workdir / "linebreaks.pptx", workdir / "linebreaks.tagged.pptx"
    deck.write_bytes(render_pptx(plan))
    shapes, size = tag_copy(deck, tagged)
    glyphs = read_glyphs(render_pdf(tagged, workdir), size)
    by_color: dict[int, list[Glyph]] = defaultdict(list)
    for glyph in glyphs:
        by_color[glyph.color].append(glyph)
    # the renderer names shapes its own way, so boxes are matched by slide and position
    drawn = {(s.slide, points(s.box[0]), points(s.box[1])): drawn_lines(by_color[s.color]) for s in shapes if s.box}
    where = {s.name: (n, s.box.x, s.box.y) for n, slide in enumerate(plan.slides, 1) for s in slide.shapes}
    rows = [Row(c, tuple(line.text for line in measurer.wrap(c.para.runs, c.width / EMU_PER_PT)),
                measurer.line_count(c.para, c.width), drawn[where[c.name]]) for c in cases]
    return Result(rows, findings(shapes, glyphs, size))


def report(result: Result) -> str:
    """The agreement table: totals, then every box where the model and LibreOffice differ."""
    rows, n = result.rows, len(result.rows)
    same, breaks = sum(r.model == r.rendered for r in rows), sum(r.same_breaks for r in rows)
    safe = sum(r.model_slack >= r.rendered for r in rows)
    lines = [f"LibreOffice {_soffice_version()}; boxes: {n}",
             f"line count, model without slack (1.00) = LibreOffice: {same}/{n} ({100 * same / n:.1f} %)",
             f"every line break, model without slack = LibreOffice:  {breaks}/{n} ({100 * breaks / n:.1f} %)",
             f"line count, model with slack ({WIDTH_SLACK:.2f}) >= LibreOffice: {safe}/{n} ({100 * safe / n:.1f} %)",
             f"render check findings on the corpus deck: {len(result.findings)}",
             *(f"  {d}" for d in result.findings),
             "", f"{'box':7} {'text':11} {'font':21} {'size':>4} {'width':>6} {'model':>5} {'slack':>5} {'LO':>3}"]
    for r in rows:
        if not r.same_breaks or r.model_slack < r.rendered:
            c = r.case
            lines.append(f"{c.name:7} {c.label:11} {c.font + (' bold' if c.bold else ''):21} {c.size:4.0f} "
                         f"{c.width / 914_400:5.2f}in {r.model:5} {r.model_slack:5} {r.rendered:3}")
            lines += [f"        model: {' | '.join(r.model_lines)}", f"        LO:    {' | '.join(r.rendered_lines)}"]
    return "\n".join(lines)


def _soffice_version() -> str:
    done = subprocess.run([soffice(), "--version"], capture_output=True, text=True, timeout=60)
    return done.stdout.split("\n")[0].replace("LibreOffice ", "").strip() or "?"

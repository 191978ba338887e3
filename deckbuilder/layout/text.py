"""Text measurement with real fonts (HarfBuzz), line breaking as the renderers do it, and fitting."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

import uharfbuzz as hb

from .fonts import Face, face_for, fallback_face
from .ir import EMU_PER_PT, Para, Run

LINE_PITCH = 1.2  # PowerPoint and LibreOffice: single spacing is 1.2 × the font size
WIDTH_SLACK = 0.97  # wrap as if 3 % narrower, so a renderer never needs more lines than planned
# a break may follow spaces, a hyphen or dash between letters, or a slash before a letter
_PIECES = re.compile(r"\S*?(?:[\-\u2010\u2013\u2014](?=\w)|/(?=[^\W\d])|\s+|$)|\S+", re.UNICODE)


@dataclass(frozen=True)
class Line:
    """One wrapped line: its text and width in points (without trailing spaces)."""

    text: str
    width: float


class Measurer:
    """Measures text in points with the bundled fonts; every word is shaped once per font."""

    def __init__(self) -> None:
        self._fonts: dict[Face, tuple[hb.Font, int]] = {}
        self._widths: dict[tuple[Face, str], float] = {}
        self._glyphs: dict[tuple[Face, str], bool] = {}

    def _font(self, face: Face) -> tuple[hb.Font, int]:
        if face not in self._fonts:
            blob = hb.Blob.from_file_path(str(face.path))
            hb_face = hb.Face(blob)
            self._fonts[face] = (hb.Font(hb_face), hb_face.upem)
        return self._fonts[face]

    def has_glyph(self, face: Face, char: str) -> bool:
        key = (face, char)
        if key not in self._glyphs:
            self._glyphs[key] = char.isspace() or self._font(face)[0].get_nominal_glyph(ord(char)) is not None
        return self._glyphs[key]

    def em(self, face: Face, text: str) -> float:
        """Width of `text` in ems, kerned, with a fallback face for characters the face lacks."""
        key = (face, text)
        if key not in self._widths:
            self._widths[key] = sum(self._shape(f, part) for f, part in self._coverage(face, text))
        return self._widths[key]

    def _coverage(self, face: Face, text: str) -> Iterable[tuple[Face, str]]:
        start, current = 0, face
        for i, char in enumerate(text):
            wanted = face if self.has_glyph(face, char) else fallback_face(face.bold)
            if wanted != current and i > start:
                yield current, text[start:i]
                start = i
            current = wanted
        if text[start:]:
            yield current, text[start:]

    def _shape(self, face: Face, text: str) -> float:
        font, upem = self._font(face)
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        hb.shape(font, buf, {"kern": True, "liga": False})
        return sum(pos.x_advance for pos in buf.glyph_positions) / upem

    def width(self, run: Run, text: str | None = None) -> float:
        """Width in points of `text` (default: the run's text) set in the run's style."""
        return self.em(face_for(run.font, run.bold, run.italic), run.text if text is None else text) * run.size

    def wrap(self, runs: Sequence[Run], width: float) -> list[Line]:
        """Break a paragraph into lines no wider than `width` points, the way PowerPoint does."""
        lines: list[Line] = []
        for segment in _split_breaks(runs):
            lines.extend(self._wrap_segment(segment, width))
        return lines

    def _wrap_segment(self, runs: Sequence[Run], width: float) -> list[Line]:
        words = list(self._words(runs))
        lines: list[Line] = []
        text, used, trail = "", 0.0, 0.0
        for word, w_width, space in words:
            if text and used + trail + w_width > width:
                lines.append(Line(text.rstrip(), used))
                text, used, trail = "", 0.0, 0.0
            if not text and w_width > width:
                chunks = self._break_word(word, runs, width)
                lines.extend(chunks[:-1])
                word, w_width = chunks[-1].text, chunks[-1].width
            text, used, trail = text + word, used + trail + w_width, space
        lines.append(Line(text.rstrip(), used))
        return lines

    def _words(self, runs: Sequence[Run]) -> Iterable[tuple[str, float, float]]:
        """(text, width without trailing spaces, width of the trailing spaces) per breakable piece."""
        pending_text, pending_width = "", 0.0
        for r_index, run in enumerate(runs):
            pieces = [p for p in _PIECES.findall(run.text) if p]
            for p_index, piece in enumerate(pieces):
                core = piece.rstrip()
                space = piece[len(core):]
                pending_text += core
                pending_width += self.width(run, core) if core else 0.0
                last_of_run = p_index == len(pieces) - 1
                glued = last_of_run and not space and r_index < len(runs) - 1 and not _breaks_after(core)
                if glued:
                    continue
                yield pending_text + space, pending_width, self.width(run, space) if space else 0.0
                pending_text, pending_width = "", 0.0
        if pending_text:
            yield pending_text, pending_width, 0.0

    def _break_word(self, word: str, runs: Sequence[Run], width: float) -> list[Line]:
        style = runs[0]
        lines, current = [], ""
        for char in word.rstrip():
            if current and self.width(style, current + char) > width:
                lines.append(Line(current, self.width(style, current)))
                current = ""
            current += char
        lines.append(Line(current, self.width(style, current)))
        return lines

    def line_count(self, para: Para, width_emu: int, slack: float = WIDTH_SLACK) -> int:
        return len(self.wrap(para.runs, (width_emu - para.indent) / EMU_PER_PT * slack))

    def height(self, paras: Sequence[Para], width_emu: int, slack: float = WIDTH_SLACK) -> int:
        """Height in EMU of paragraphs set in a frame `width_emu` wide (no insets)."""
        total = 0.0
        for i, para in enumerate(paras):
            lines = self.line_count(para, width_emu, slack)
            total += lines * para_pitch(para) + (para.space_before if i else 0.0)
        return round(total * EMU_PER_PT)

    def widest_line(self, paras: Sequence[Para], width_emu: int) -> int:
        """Width in EMU of the longest line once the paragraphs are wrapped."""
        widest = 0.0
        for para in paras:
            lines = self.wrap(para.runs, (width_emu - para.indent) / EMU_PER_PT * WIDTH_SLACK)
            widest = max(widest, max(line.width for line in lines) + para.indent / EMU_PER_PT)
        return round(widest / WIDTH_SLACK * EMU_PER_PT)


def para_pitch(para: Para) -> float:
    """Line pitch of a paragraph in points."""
    return LINE_PITCH * para.size * para.line_spacing


def _breaks_after(text: str) -> bool:
    return bool(text) and text[-1] in "-\u2010\u2013\u2014/"


def _split_breaks(runs: Sequence[Run]) -> list[list[Run]]:
    """Split runs at forced line breaks (newlines)."""
    segments: list[list[Run]] = [[]]
    for run in runs:
        parts = run.text.split("\n")
        for i, part in enumerate(parts):
            if i:
                segments.append([])
            if part:
                segments[-1].append(Run(part, run.font, run.size, run.bold, run.italic, run.color, run.link))
    return [s or [Run("", runs[0].font if runs else "Calibri", runs[0].size if runs else 12)] for s in segments]


def sizes_between(preferred: float, floor: float, step: float = 2.0) -> list[float]:
    """Candidate font sizes from the preferred size down to the floor, in steps."""
    sizes, size = [], float(preferred)
    while size > floor:
        sizes.append(size)
        size -= step
    sizes.append(float(floor))
    return sizes


def fit(build: Callable[[float], Sequence[Para]], width: int, height: int, sizes: Sequence[float],
        measurer: Measurer) -> tuple[float, list[Para], int] | None:
    """The largest size whose paragraphs fit the frame: (size, paragraphs, height in EMU), or None."""
    for size in sizes:
        paras = list(build(size))
        needed = measurer.height(paras, width)
        if needed <= height:
            return size, paras, needed
    return None

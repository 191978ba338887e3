"""Text measurement with real fonts (HarfBuzz), line breaking as the renderers do it, and fitting."""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import uharfbuzz as hb

from .fonts import Face, face_for, fallback_face
from .ir import EMU_PER_PT, Para, Run

MEASURE_VERSION = 2  # bump when measuring changes, so remembered widths are measured again
LINE_PITCH = 1.2  # PowerPoint and LibreOffice: single spacing is 1.2 × the font size
UNCOVERED_EM = 1.3  # a character no bundled face has (an emoji): as wide as the widest emoji fonts draw it
WIDTH_SLACK = 0.97  # wrap as if 3 % narrower, so a renderer never needs more lines than planned
# Line-break opportunities as LibreOffice 7.4 takes them (measured, tests/checks/test_linebreaks.py):
_SPACES = " \t\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u200b\u205f\u3000"  # not NBSP
_KEEP_AFTER_SPACE = "!?:;),./]}\u060c\u061b\u061f"  # never starts a line, even after a space (UAX #14 LB13)
_DASHES = "-\u2010\u2012\u2013\u2014"  # a break may follow, before a letter or digit
_STOPS = "?!\u2026"  # a break may follow, before a letter
_EM_DASH = "\u2014"  # a break may also come before it
_SLASH_LOOKBACK = 66  # LibreOffice moves a break after "/" back to a space up to this many characters before


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
        self._cut: dict[tuple[Run, ...], list[_Piece]] = {}

    def known(self) -> dict:
        """The widths measured so far, as plain data (family|bold|italic -> text -> ems)."""
        widths: dict[str, dict[str, float]] = {}
        for (face, text), em in self._widths.items():
            widths.setdefault(f"{face.family}|{face.bold:d}|{face.italic:d}", {})[text] = em
        return {"version": MEASURE_VERSION, "widths": widths}

    def learn(self, known: dict) -> None:
        """Take widths measured earlier (as `known()` gave them), unless measuring has changed since."""
        if known.get("version") != MEASURE_VERSION:
            return
        for key, widths in known.get("widths", {}).items():
            family, bold, italic = key.split("|")
            face = Face(family, bold == "1", italic == "1")
            self._widths.update({(face, text): em for text, em in widths.items()})

    @property
    def size(self) -> int:
        """How many widths it knows (a build saves them when it has learnt new ones)."""
        return len(self._widths)

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
        """Width of `text` in ems, kerned, with a fallback face for characters the face lacks (and a generous
        fixed width for those no bundled face has, such as emoji)."""
        key = (face, text)
        if key not in self._widths:
            self._widths[key] = sum(self._shape(f, part) if f else UNCOVERED_EM * len(part)
                                    for f, part in self._coverage(face, text))
        return self._widths[key]

    def _coverage(self, face: Face, text: str) -> Iterable[tuple[Face | None, str]]:
        """The text in runs of one face: the face, else the fallback, else None (no bundled face has it)."""
        start, current = 0, face  # type: int, Face | None
        fallback = fallback_face(face.bold)
        for i, char in enumerate(text):
            wanted = face if self.has_glyph(face, char) else fallback if self.has_glyph(fallback, char) else None
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
        text = run.text if text is None else text
        return self.em(face_for(run.font, run.bold, run.italic), text.upper() if run.caps else text) * run.size

    def wrap(self, runs: Sequence[Run], width: float) -> list[Line]:
        """Break a paragraph into lines no wider than `width` points, the way LibreOffice and PowerPoint do.

        Widths grow in proportion to the size, so the paragraph is cut and measured once at unit size
        (colours and links do not matter) and every size tried while fitting reuses it."""
        scale = max((run.size for run in runs), default=0.0) or 1.0
        unit = [replace(run, size=run.size / scale, color="000000", link=None) for run in runs]
        lines: list[Line] = []
        for segment in _split_breaks(unit):
            lines.extend(self._wrap_segment(segment, width / scale))
        return [Line(line.text, line.width * scale) for line in lines]

    def _wrap_segment(self, runs: Sequence[Run], width: float) -> list[Line]:
        """Greedy: fill each line with pieces; break at the last opportunity, else chop the word."""
        text = "".join(run.text for run in runs)
        key = tuple(runs)
        if key not in self._cut:
            self._cut[key] = self._pieces(runs, text)
        queue, lines = deque(self._cut[key]), []
        line: list[_Piece] = []
        start = 0.0  # where the next piece starts: the advances of the line's pieces so far
        while queue:
            piece = queue.popleft()
            if not piece.parts:  # nothing left of a chopped word
                continue
            if start + piece.width <= width:
                line.append(piece)
                start += piece.advance
                continue
            ends_at = start - line[-1].advance + line[-1].width + line[-1].space_end if line else 0.0
            keep = _break_point(line, text, ends_at > width)
            if keep:
                queue.extendleft(reversed([*line[keep:], piece]))
                lines.append(_line(line[:keep]))
            else:  # no opportunity on the line: LibreOffice fills it with as many characters as fit
                head, tail = self._chop([*line, piece], width)
                lines.append(head)
                queue.appendleft(tail)
            line, start = [], 0.0
        if line or not lines:
            lines.append(_line(line))
        return lines

    def _pieces(self, runs: Sequence[Run], text: str) -> list[_Piece]:
        """The text cut at every break opportunity; each piece measured alone (ending a line) and followed."""
        cuts = [i for i in range(1, len(text)) if _break_kind(text, i)] + [len(text)]
        chars = [(run, char) for run in runs for char in run.text]
        pieces, start = [], 0
        for end in cuts:
            core = len(text[start:end].rstrip(" ")) + start
            width = self._chars_width(chars[start:core])
            # followed by the next piece: its spaces and the kerning with the next character count too
            advance = self._chars_width(chars[start:end + 1]) - self._chars_width(chars[end:end + 1])
            pieces.append(_Piece(tuple(_group(chars[start:end])), start, width, advance,
                                 self._chars_width(chars[start:end]) - width,
                                 (_break_kind(text, end) or "") if end < len(text) else ""))
            start = end
        return pieces

    def _chop(self, pieces: Sequence[_Piece], width: float) -> tuple[Line, _Piece]:
        """The first line of pieces that have no break opportunity (as many characters as fit) and the rest."""
        parts = [part for piece in pieces for part in piece.parts]
        chars = [(run, char) for run, part in parts for char in part]
        low, high = 1, len(chars)  # the longest prefix that fits; at least one character
        while low < high:
            mid = (low + high + 1) // 2
            if self._chars_width(chars[:mid]) <= width:
                low = mid
            else:
                high = mid - 1
        last, rest = pieces[-1], chars[low:]
        width = self._chars_width(rest[:len("".join(c for _, c in rest).rstrip(" "))])
        tail = _Piece(tuple(_group(rest)), last.start + len(last.text) - len(rest), width,
                      width + last.advance - last.width, last.space_end, last.kind)
        return Line("".join(char for _, char in chars[:low]).rstrip(" "), self._chars_width(chars[:low])), tail

    def _chars_width(self, chars: Sequence[tuple[Run, str]]) -> float:
        return sum(self.width(run, part) for run, part in _group(chars))

    def widest_word(self, para: Para) -> int:
        """The width in EMU of the paragraph's widest unbreakable stretch (a word), as set (with the slack)."""
        scale = para.size or 1.0
        unit = [replace(run, size=run.size / scale, color="000000", link=None) for run in para.runs]
        widest = 0.0
        for segment in _split_breaks(unit):
            key = tuple(segment)
            if key not in self._cut:
                self._cut[key] = self._pieces(segment, "".join(run.text for run in segment))
            widest = max([widest, *(piece.width for piece in self._cut[key])])
        return round(widest * scale * EMU_PER_PT / WIDTH_SLACK) + para.indent

    def widest_line(self, para: Para) -> int:
        """The width in EMU the paragraph needs to stay on one line (with the slack)."""
        return round(max(line.width for line in self.wrap(para.runs, float("inf"))) * EMU_PER_PT / WIDTH_SLACK) + \
            para.indent

    def line_count(self, para: Para, width_emu: int, slack: float = WIDTH_SLACK) -> int:
        return len(self.wrap(para.runs, (width_emu - para.indent) / EMU_PER_PT * slack))

    def height(self, paras: Sequence[Para], width_emu: int, slack: float = WIDTH_SLACK) -> int:
        """Height in EMU of paragraphs set in a frame `width_emu` wide (no insets)."""
        return self.lines_and_height(paras, width_emu, slack)[1]

    def lines_and_height(self, paras: Sequence[Para], width_emu: int, slack: float = WIDTH_SLACK) -> tuple[int, int]:
        """The number of lines and the height in EMU of paragraphs set in a frame `width_emu` wide."""
        total, count = 0.0, 0
        for i, para in enumerate(paras):
            lines = self.line_count(para, width_emu, slack)
            count += lines
            total += lines * para_pitch(para) + (para.space_before if i else 0.0)
        return count, round(total * EMU_PER_PT)



def para_pitch(para: Para) -> float:
    """Line pitch of a paragraph in points."""
    return LINE_PITCH * para.size * para.line_spacing


@dataclass(frozen=True)
class _Piece:
    """Text between two break opportunities: its runs, width, hanging space and the break after it."""

    parts: tuple[tuple[Run, str], ...]
    start: int  # offset in the line segment
    width: float  # points, without the spaces at its end: its width when it ends a line (they hang)
    advance: float  # points: how far it moves the next piece (spaces and kerning with that piece included)
    space_end: float  # points: the width of the spaces at its end
    kind: str  # the opportunity after it: "space", "blank", "slash", "dash", or "" at the end

    @property
    def text(self) -> str:
        return "".join(part for _, part in self.parts)


def _break_kind(text: str, i: int) -> str | None:
    """The line-break opportunity between text[i - 1] and text[i], if any.

    "space": after spaces (not no-break spaces); "blank": after an ASCII space that may not end a line
    because ! ? : ; ) , . / ] } follows, which LibreOffice still breaks at when the space itself does not fit;
    "slash": after a slash; "dash": after a hyphen or dash before a letter or digit, after ? ! … before a
    letter, and before an em dash.
    """
    before, after = text[i - 1], text[i]
    if after in _SPACES:
        return None
    if before in _SPACES:
        return "space" if after not in _KEEP_AFTER_SPACE else "blank" if before == " " else None
    if before == "/":
        return "slash" if after.isalpha() or (after.isdigit() and not text[i - 2:i - 1].isdigit()) else None
    if (before in _DASHES and after.isalnum()) or (before in _STOPS and after.isalpha()):
        return "dash"
    return "dash" if after == _EM_DASH and not before.isspace() and before != _EM_DASH else None


def _break_point(line: Sequence[_Piece], text: str, space_overflows: bool) -> int:
    """How many of the line's pieces stay on it when the next piece does not fit (0: none, chop instead)."""
    if line and line[-1].kind == "blank" and space_overflows:
        return len(line)  # LibreOffice breaks after a space that itself overflows, whatever follows it
    last = len(line) - 1
    while last >= 0 and line[last].kind not in ("space", "slash", "dash"):
        last -= 1
    if last < 0 or line[last].kind != "slash":
        return last + 1
    return _slash_break(line, last, text)


def _slash_break(line: Sequence[_Piece], last: int, text: str) -> int:
    """LibreOffice takes the space before a path or URL instead of a break after its slash (i#17155)."""
    at = line[last].start + len(line[last].text)
    for pos in range(at - 2, max(at - _SLASH_LOOKBACK, 0) - 1, -1):
        if text[pos].isspace() and text[pos] not in "\u00a0\u2007\u202f":
            return sum(1 for piece in line if piece.start + len(piece.text) <= pos + 1)
    return last + 1


def _line(pieces: Sequence[_Piece]) -> Line:
    width = sum(p.advance for p in pieces[:-1]) + pieces[-1].width if pieces else 0.0
    return Line("".join(p.text for p in pieces).rstrip(" "), width)


def _group(chars: Sequence[tuple[Run, str]]) -> list[tuple[Run, str]]:
    groups: list[tuple[Run, str]] = []
    for run, char in chars:
        if groups and groups[-1][0] is run:
            groups[-1] = (run, groups[-1][1] + char)
        else:
            groups.append((run, char))
    return groups


def _split_breaks(runs: Sequence[Run]) -> list[list[Run]]:
    """Split runs at forced line breaks (newlines)."""
    segments: list[list[Run]] = [[]]
    for run in runs:
        parts = run.text.split("\n")
        for i, part in enumerate(parts):
            if i:
                segments.append([])
            if part:
                segments[-1].append(replace(run, text=part))
    return [s or [Run("", runs[0].font if runs else "Calibri", runs[0].size if runs else 12)] for s in segments]


def sizes_between(preferred: float, floor: float, step: float = 2.0) -> list[float]:
    """Candidate font sizes from the preferred size down to the floor, in steps."""
    sizes, size = [], float(preferred)
    while size > floor:
        sizes.append(size)
        size -= step
    sizes.append(float(floor))
    return sizes

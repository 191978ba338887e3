"""The brand: colour roles, fonts, type scale, logo, footer, slide size and margins."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..colors import AA_LARGE, AA_TEXT, contrast, nearest_passing
from ..errors import Diagnostics, Loc, did_you_mean, fail, quoted
from ..source import YMap, display_path, load_yaml
from .schema import INVALID, Choice, Color, Field, Flag, MapOf, Number, Record, Text

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "themes"

COLORS = Record((
    Field("primary", Color(), "the main brand colour: titles, section slides, rules", required=True),
    Field("secondary", Color(), "a second brand colour for tiles and chart series", default="5B6770"),
    Field("accent", Color(), "emphasis: the big number, the key word", default="C2410C"),
    Field("background", Color(), "the slide background", default="FFFFFF"),
    Field("text", Color(), "body text", default="1F1F1F"),
    Field("muted", Color(), "secondary text: captions, credits, footers", default="5F6B73"),
    Field("surface", Color(), "the fill of cards and tiles", default="F3F4F6"),
), doc="colour roles, each a \"#RRGGBB\" value")

FONTS = Record((
    Field("heading", Text(80), "the font of titles and display text", default="Calibri"),
    Field("body", Text(80), "the font of body text", default="Calibri"),
), doc="font names written into the deck; measured with bundled metric-compatible files")

SIZES = Record((
    Field("title", Number(28, 72), "slide titles, in points", default=40),
    Field("section", Number(28, 96), "section and title-slide titles", default=54),
    Field("statement", Number(28, 110), "statement slides", default=72),
    Field("body", Number(18, 40), "body text (points and paragraphs)", default=28),
    Field("body_min", Number(18, 40), "the smallest body text before a list continues on a new slide",
          default=20),
    Field("caption", Number(12, 24), "captions, labels and subtitles under display text", default=18),
    Field("small", Number(10, 16), "credits, sources and footers", default=12),
    Field("stat", Number(48, 200), "big numbers", default=120),
    Field("quote", Number(24, 48), "quotations", default=34),
), doc="the type scale, in points")

MARGINS = Record((
    Field("side", Number(0.3, 1.5), "left and right margin, inches", default=0.75),
    Field("top", Number(0.3, 1.5), "top margin, inches", default=0.6),
    Field("bottom", Number(0.3, 1.5), "bottom margin (the footer sits in it), inches", default=0.7),
), doc="the safe area around every slide")

THEME = Record((
    Field("name", Text(80), "the theme's name", required=True),
    Field("colors", COLORS, "colour roles", required=True),
    Field("fonts", FONTS, "heading and body fonts"),
    Field("sizes", SIZES, "the type scale"),
    Field("margins", MARGINS, "the safe area"),
    Field("logo", Text(200), "an image key from the register, shown small on content slides"),
    Field("footer", Text(200), "a footer line on content slides"),
    Field("slide_numbers", Flag(), "show slide numbers", default=True),
    Field("size", Choice("16:9", "4:3"), "slide size", default="16:9"),
    Field("template", Text(500), "an organisation's .pptx whose masters and layouts are used"),
    Field("layouts", MapOf(Text(120)), "for a template: slide kind → the template's layout name"),
), doc="a theme file")


@dataclass(frozen=True)
class Theme:
    """A checked theme with every default filled in."""

    name: str
    colors: dict
    fonts: dict
    sizes: dict
    margins: dict
    logo: str | None
    footer: str | None
    slide_numbers: bool
    size: str
    template: Path | None
    layouts: dict
    path: Path | None = None
    fonts_given: bool = True  # False: take the template's fonts when there is one


def builtin_themes() -> dict[str, Path]:
    return {p.stem: p for p in sorted(BUILTIN_DIR.glob("*.yaml"))}


def theme_path(name: str, where: Loc | None) -> Path:
    """The file of a theme given by built-in name or path (relative to the current folder)."""
    builtins = builtin_themes()
    if name in builtins:
        return builtins[name]
    path = Path(name)
    names = "built-in themes: " + ", ".join(builtins)
    if path.suffix in (".yaml", ".yml") and path.is_file():
        return path
    if path.is_dir():
        raise fail("not-a-file", f"the theme {name} is a folder", where, "deck.theme",
                   "name the theme's .yaml file inside it")
    if path.exists():
        raise fail("unknown-theme", f"the theme {name} is not a .yaml file", where, "deck.theme",
                   "a theme is a .yaml file with name, colors and fonts")
    if path.suffix in (".yaml", ".yml") or "/" in name or "\\" in name:
        raise fail("file-not-found", f"the theme file {name} does not exist", where, "deck.theme",
                   f"theme paths are relative to the outline that names them; {names}")
    hint = did_you_mean(name, builtins) if name.isidentifier() else ""
    raise fail("unknown-theme", f"no theme named {quoted(name)}", where, "deck.theme",
               f"{hint + ' ' if hint.startswith('did') else ''}{names}; or give the path of a theme .yaml")


def load_theme(name: str, where: Loc | None, diags: Diagnostics) -> Theme:
    """Load and check a theme by built-in name or path (contrast included)."""
    path = theme_path(name, where)
    raw = load_yaml(path)
    found = Diagnostics()
    data = THEME.check(raw, getattr(raw, "loc", Loc(display_path(path))), "", found)
    if data is not INVALID:
        check_contrast(data, found)
        _sizes_agree(data.get("sizes"), found)
    diags.extend(found)
    if found.has_errors:
        raise fail("bad-theme", f"the theme {display_path(path)} has errors (see above)", where, "deck.theme",
                   "fix the theme file, or use a built-in theme: " + ", ".join(builtin_themes()))
    return _theme(data, path)


def _sizes_agree(sizes: YMap | None, diags: Diagnostics) -> bool:
    """The smallest body size may not be larger than the body size it shrinks from."""
    if not sizes or sizes["body_min"] <= sizes["body"]:
        return True
    diags.error("bad-size", f"body_min ({sizes['body_min']:g} pt) is larger than body ({sizes['body']:g} pt)",
                sizes.at("body_min"), "sizes.body_min", "make body_min the same as body or smaller")
    return False


def _theme(data: YMap, path: Path) -> Theme:
    def filled(key: str, record: Record) -> dict:
        return dict(data.get(key) or record.check_fields(YMap(), record.fields, data.loc, key, Diagnostics()))

    template = data.get("template")
    return Theme(
        name=data["name"], colors=dict(data["colors"]), fonts=filled("fonts", FONTS),
        sizes=filled("sizes", SIZES), margins=filled("margins", MARGINS), logo=data.get("logo"),
        footer=data.get("footer"), slide_numbers=data["slide_numbers"], size=data["size"],
        template=(path.parent / template) if template else None, layouts=dict(data.get("layouts") or {}),
        path=path, fonts_given="fonts" in data,
    )


CONTRAST_PAIRS = (  # foreground role, background role, the ratio it needs (WCAG AA: 4.5, large text 3)
    ("text", "background", AA_TEXT), ("muted", "background", AA_TEXT), ("muted", "surface", AA_TEXT),
    ("text", "surface", AA_TEXT), ("primary", "background", AA_LARGE), ("accent", "background", AA_LARGE),
)
UNDER_TEXT = "under white or near-black text, as on section and title slides"


@dataclass(frozen=True)
class Target:
    """A contrast a colour role must reach: against what, how much, and the ratio a colour has there."""

    against: str
    need: float
    ratio: Callable[[str], float]


def check_contrast(data: YMap, diags: Diagnostics) -> None:
    """Report each colour role that text set in it (or on it) could not be read against: every target the
    colour must meet at once, and the nearest colour of the same hue that meets them all."""
    colors = data["colors"]
    for role, color in colors.items():
        targets = contrast_targets(role, colors)
        if all(t.ratio(color) >= t.need for t in targets):
            continue
        wanted = " and ".join(f"{t.need:g}:1 {t.against} (it has {t.ratio(color):.2f}:1)" for t in targets)
        better = nearest_passing(color, lambda c: all(t.ratio(c) >= t.need for t in targets))
        hint = f"try #{better}, the nearest colour of the same hue that meets every target" if better else \
            f"no colour of this hue meets every target: choose another {role}"
        diags.error("theme-contrast", f"{role} #{color} must reach {wanted}", colors.at(role), f"colors.{role}",
                    f"{hint}; check at webaim.org/resources/contrastchecker")


def contrast_targets(role: str, colors: dict) -> list[Target]:
    """Every contrast a colour role must reach with the theme's other colours."""
    targets = [Target(f"on {back} #{colors[back]}", need, lambda c, b=colors[back]: contrast(c, b))
               for fore, back, need in CONTRAST_PAIRS if fore == role]
    if role == "primary":
        targets.append(Target(UNDER_TEXT, AA_TEXT, lambda c: max(contrast(c, "FFFFFF"), contrast(c, "111111"))))
    return targets

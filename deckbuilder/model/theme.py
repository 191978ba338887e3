"""The brand: colour roles, fonts, type scale, logo, footer, slide size and margins."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from ..colors import AA_LARGE, AA_TEXT, NEAR_BLACK, WHITE, ThemeColor, contrast, mix, nearest_passing, readable_on
from ..errors import Diagnostics, Loc, did_you_mean, fail, quoted
from ..source import YMap, display_path, load_yaml
from .scalars import Choice, Color, Flag, Number, Text
from .schema import INVALID, Field, MapOf, Record

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "themes"

COLORS = Record((
    Field("primary", Color(), "the main brand colour: titles, section slides, rules (required without a template)"),
    Field("secondary", Color(), "a second brand colour for tiles and chart series", default="5B6770"),
    Field("accent", Color(), "emphasis: the big number, the key word", default="C2410C"),
    Field("background", Color(), "the slide background", default="FFFFFF"),
    Field("text", Color(), "body text", default="1F1F1F"),
    Field("muted", Color(), "secondary text: captions, credits, footers", default="5F6B73"),
    Field("surface", Color(), "the fill of cards and tiles", default="F3F4F6"),
), doc="colour roles, each a \"#RRGGBB\" value; with a template, those given replace the template's own")

FONTS = Record((
    Field("heading", Text(80), "the font of titles and display text", default="Calibri"),
    Field("body", Text(80), "the font of body text", default="Calibri"),
), doc="font names written into the deck's theme; measured with bundled metric-compatible files")

TITLE_SIZE, BODY_SIZE = Number(28, 72), Number(18, 40)
SIZES = Record((
    Field("title", TITLE_SIZE, "slide titles, in points", default=40),
    Field("section", Number(28, 96), "section and title-slide titles", default=54),
    Field("statement", Number(28, 110), "statement slides", default=72),
    Field("body", BODY_SIZE, "body text (points and paragraphs)", default=28),
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
    Field("name", Text(80), "the theme's name (required without a template)"),
    Field("colors", COLORS, "colour roles (required without a template)"),
    Field("fonts", FONTS, "heading and body fonts"),
    Field("sizes", SIZES, "the type scale"),
    Field("margins", MARGINS, "the safe area"),
    Field("logo", Text(200), "an image key from the register, shown small on content slides"),
    Field("footer", Text(200), "a footer line on content slides"),
    Field("slide_numbers", Flag(), "show slide numbers", default=True),
    Field("size", Choice("16:9", "4:3"), "slide size", default="16:9"),
    Field("template", Text(500), "an organisation's .pptx whose masters, layouts, colours, fonts and sizes are used; "
          "anything else this file gives replaces the template's"),
    Field("layouts", MapOf(Text(120)), "for a template: slide kind → the template's layout name"),
), doc="a theme file")


SLOTS = {"text": "tx1", "background": "bg1", "surface": "bg2", "primary": "accent1", "accent": "accent2",
         "secondary": "accent3", "muted": "accent4"}  # each colour role → the theme slot slides name it by
TITLE_SLOT = "tx2"  # titles: the theme's second dark colour, the primary colour unless a template says otherwise
FONT_REFS = {"heading": "+mj-lt", "body": "+mn-lt"}  # the theme's major and minor (Latin) fonts
TEMPLATE_SIZES = {"title": TITLE_SIZE, "body": BODY_SIZE}  # the sizes a template's master gives
TEMPLATE_CHOICES = {"background": ("bg1",), "text": ("tx1",), "muted": (), "surface": ("bg2",),
                    "primary": ("accent1", "tx2"), "accent": ("accent2", "accent1"), "secondary": ("accent3",)}
TEMPLATE_ORDER = tuple(TEMPLATE_CHOICES)  # each role is chosen against those before it


class ThemeFont(str):
    """A font of the theme: its name, which the layout engine measures, and how runs name it (+mj-lt, +mn-lt) so
    that the theme's font applies."""

    ref: str

    def __new__(cls, name: str, ref: str) -> ThemeFont:
        font = super().__new__(cls, name)
        font.ref = ref
        return font

    def __getnewargs__(self) -> tuple:
        return str(self), self.ref


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
    given: frozenset[str] = frozenset()  # the colours, fonts and sizes the file gives ("colors.accent", "sizes.body"…)


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
    if data is not INVALID and _complete(data, found) and not data.get("template"):
        check_contrast(data["colors"], found, data["colors"].at)
    if data is not INVALID:
        _sizes_agree(data.get("sizes"), found)
    diags.extend(found)
    if found.has_errors:
        raise fail("bad-theme", f"the theme {display_path(path)} has errors (see above)", where, "deck.theme",
                   "fix the theme file, or use a built-in theme: " + ", ".join(builtin_themes()))
    return _theme(data, _given(raw), path)


def _complete(data: YMap, diags: Diagnostics) -> bool:
    """Without a template, the name and the primary colour are required (a template gives both)."""
    if data.get("template"):
        return True
    missing = [f for f in ("name", "colors") if f not in data]
    if "colors" in data and "primary" not in data["colors"]:
        diags.error("missing-field", "the field 'primary' is required", data["colors"].loc, "colors",
                    f"add 'primary:' ({COLORS.fields['primary'].doc})")
        return False
    for name in missing:
        diags.error("missing-field", f"the field '{name}' is required", data.loc, "",
                    f"add '{name}:' ({THEME.fields[name].doc}), or name the organisation's template: 'template:'")
    return not missing


def _sizes_agree(sizes: YMap | None, diags: Diagnostics) -> bool:
    """The smallest body size may not be larger than the body size it shrinks from."""
    if not sizes or sizes["body_min"] <= sizes["body"]:
        return True
    diags.error("bad-size", f"body_min ({sizes['body_min']:g} pt) is larger than body ({sizes['body']:g} pt)",
                sizes.at("body_min"), "sizes.body_min", "make body_min the same as body or smaller")
    return False


def _given(raw: object) -> frozenset[str]:
    """The colours, fonts and sizes the theme file sets itself, e.g. 'colors.primary'."""
    if not isinstance(raw, dict):
        return frozenset()
    return frozenset(f"{key}.{role}" for key in ("colors", "fonts", "sizes") for role in raw.get(key) or {})


def _theme(data: YMap, given: frozenset[str], path: Path) -> Theme:
    def filled(key: str, record: Record) -> dict:
        return dict(data.get(key) or record.check_fields(YMap(), record.fields, data.loc, key, Diagnostics()))

    template = data.get("template")
    return Theme(
        name=data.get("name", ""), colors=theme_colors(filled("colors", COLORS)),
        fonts=theme_fonts(filled("fonts", FONTS)),
        sizes=filled("sizes", SIZES), margins=filled("margins", MARGINS), logo=data.get("logo"),
        footer=data.get("footer"), slide_numbers=data["slide_numbers"], size=data["size"],
        template=(path.parent / template) if template else None, layouts=dict(data.get("layouts") or {}),
        path=path, given=given,
    )


def theme_colors(colors: dict) -> dict:
    """Each colour role as the theme colour of its slot, and titles in the primary colour as the theme's tx2."""
    roles = {role: ThemeColor(value, SLOTS[role]) for role, value in colors.items() if role in SLOTS}
    return {**roles, "title": ThemeColor(colors["primary"], TITLE_SLOT)} if "primary" in colors else roles


def theme_fonts(fonts: dict) -> dict:
    return {role: ThemeFont(name, FONT_REFS[role]) for role, name in fonts.items()}


def on_template(theme: Theme, template, diags: Diagnostics) -> Theme:
    """The theme with what its file leaves out taken from the organisation's template (`layout.ir.Template`):
    colours from the template's scheme (for each role, the first of its candidate slots that meets the role's
    contrast targets, else a tint or the text colour), fonts from its theme, title and body sizes from its master.
    The colours as resolved are checked as a theme file's are."""
    given = theme.given
    colors = {role: theme.colors[role] for role in SLOTS if f"colors.{role}" in given}
    for role in TEMPLATE_ORDER:
        if role not in colors:
            found = [template.colors[slot] for slot in TEMPLATE_CHOICES[role] if slot in template.colors]
            fits = [c for c in found if role == "background" or _passes(role, c, colors)]  # text is judged on it
            colors[role] = fits[0] if fits else _derived(role, colors)
    fonts = {role: theme.fonts[role] if f"fonts.{role}" in given else ThemeFont(name, FONT_REFS[role])
             for role, name in zip(("heading", "body"), template.fonts)}
    sizes = {**theme.sizes, **{role: size for role, size in _template_sizes(template.sizes).items()
                               if f"sizes.{role}" not in given}}
    where = Loc(display_path(theme.path)) if theme.path else None
    check_contrast(colors, diags, lambda role: where,
                   source=lambda role: "" if f"colors.{role}" in given else " (from the template)")
    return replace(theme, colors=colors, fonts=fonts, sizes=sizes)


def _passes(role: str, color: str, colors: dict) -> bool:
    """Whether `color` meets the role's contrast targets against the colours chosen so far."""
    trial = {**colors, role: color}
    pairs = [(fore, back, need) for fore, back, need in CONTRAST_PAIRS if role in (fore, back)
             and fore in trial and back in trial]
    under_text = role != "primary" or max(contrast(color, WHITE), contrast(color, NEAR_BLACK)) >= AA_TEXT
    return under_text and all(contrast(trial[fore], trial[back]) >= need for fore, back, need in pairs)


def _derived(role: str, colors: dict) -> str:
    """A role's colour when none of the template's own passes: a tint of the text, or the text itself."""
    if role == "background":
        return WHITE
    if role == "muted":
        return mix(colors["text"], colors["background"], 0.3)
    if role == "surface":
        return mix(colors["background"], colors["text"], 0.07)
    if role == "text":
        return readable_on(colors["background"])
    return colors["primary"] if role == "accent" else colors["text"]


def _template_sizes(found: dict) -> dict:
    """The template master's title and body sizes, kept within the type scale's limits."""
    sizes = {role: kind.nearest(found[role]) for role, kind in TEMPLATE_SIZES.items() if found.get(role)}
    if "body" in sizes:
        sizes["body_min"] = min(SIZES.fields["body_min"].default, sizes["body"])
    return sizes


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


def check_contrast(colors: dict, diags: Diagnostics, where: Callable[[str], Loc | None],
                   source: Callable[[str], str] = lambda role: "") -> None:
    """Report each colour role that text set in it (or on it) could not be read against: every target the
    colour must meet at once, and the nearest colour of the same hue that meets them all. `where(role)` is the
    place to report it at, `source(role)` says where a colour came from when not from the file."""
    for role, color in colors.items():
        if role not in SLOTS:
            continue
        targets = contrast_targets(role, colors)
        if _meets(targets, color):
            continue
        wanted = " and ".join(f"{t.need:g}:1 {t.against} (it has {t.ratio(color):.2f}:1)" for t in targets)
        better = nearest_passing(color, partial(_meets, targets))
        hint = f"try #{better}, the nearest colour of the same hue that meets every target" if better else \
            f"no colour of this hue meets every target: choose another {role}"
        diags.error("theme-contrast", f"{role} #{color}{source(role)} must reach {wanted}", where(role),
                    f"colors.{role}", f"{hint}; check at webaim.org/resources/contrastchecker")


def _meets(targets: list[Target], color: str) -> bool:
    return all(t.ratio(color) >= t.need for t in targets)


def contrast_targets(role: str, colors: dict) -> list[Target]:
    """Every contrast a colour role must reach with the theme's other colours."""
    targets = [Target(f"on {back} #{colors[back]}", need, partial(contrast, b=colors[back]))
               for fore, back, need in CONTRAST_PAIRS if fore == role]
    if role == "primary":
        targets.append(Target(UNDER_TEXT, AA_TEXT, lambda c: max(contrast(c, WHITE), contrast(c, NEAR_BLACK))))
    return targets

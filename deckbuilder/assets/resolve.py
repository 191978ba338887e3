"""Find the images a deck uses, check their files and licences against the deck's use."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import BuildError, Diagnostics, Loc, did_you_mean
from ..model.outline import Slide
from ..source import YMap, display_path
from .images import ImageProblem, Thumb, probe, read_ahead, thumbnail
from .register import ImageEntry, find_register, load_register

NOT_COMMERCIAL_USES = ("fundraising", "commercial")


@dataclass(frozen=True)
class ImageInfo:
    """A register entry whose file has been read: its upright size and preferred encoding."""

    entry: ImageEntry
    width: int
    height: int
    png: bool
    thumb: Thumb | None = None  # for pictures with text over them: where they are light

    @property
    def key(self) -> str:
        return self.entry.key


@dataclass(frozen=True)
class Use:
    """One place a slide names an image."""

    slide: str
    field: str
    spec: YMap
    where: Loc
    overlaid: bool = False  # text is set over the picture

    @property
    def key(self) -> str:
        return self.spec["asset"]


def image_uses(slides: Iterable[Slide]) -> list[Use]:
    """Every image reference of the slides, in order."""
    uses = []
    for slide in slides:
        if slide.get("image"):
            overlaid = slide.layout == "image" and bool(slide.get("text"))
            uses.append(Use(slide.id, "image", slide["image"], slide.at("image"), overlaid))
        for name in ("logos", "pictures"):
            for i, item in enumerate(slide.get(name) or ()):
                if item.get("image"):
                    uses.append(Use(slide.id, f"{name}[{i}].image", item["image"], item.at("image")))
    return uses


ROOT_MARKERS = ("assets/images.yaml", ".git", "pyproject.toml")


def project_root(outline: Path) -> Path:
    """The project an outline belongs to: the nearest folder above it with an image register
    (assets/images.yaml), .git or pyproject.toml. A bare assets/ folder (of tests, say) does not count."""
    for folder in [outline.resolve().parent, *outline.resolve().parents]:
        if any((folder / marker).exists() for marker in ROOT_MARKERS):
            return folder
    return outline.resolve().parent


def inside(path: Path, roots: Iterable[Path]) -> bool:
    real = path.resolve()
    return any(real == root.resolve() or root.resolve() in real.parents for root in roots)


def resolve_assets(uses: list[Use], outline: Path, register_path: str | None, use: str, diags: Diagnostics,
                   allowed: Iterable[Path] = (), draft: bool = False) -> dict[str, ImageInfo]:
    """Check every image the deck uses; returns the readable ones by key (in a `draft`, those still TODO too)."""
    if not uses:
        return {}
    register = find_register(outline, register_path)
    first = uses[0]
    if register is None or not register.is_file():
        diags.error("no-register", f"slide '{first.slide}' uses images but no image register was found",
                    first.where, f"slides.{first.slide}.{first.field}",
                    "create assets/images.yaml, or set deck.images to its path")
        return {}
    roots = [project_root(outline), *allowed]
    if not inside(register, roots):
        diags.error("outside-project", f"the image register {display_path(register)} is outside the project",
                    first.where, "deck.images", "move it into the project, or allow its folder with --allow")
        return {}
    try:
        entries = load_register(register, diags, draft=draft)
    except BuildError as exc:
        diags.extend(exc.diagnostics)
        return {}
    found = {i.key: entries[i.key].path for i in uses if i.key in entries and inside(entries[i.key].path, roots)}
    read_ahead(sorted(set(found.values())), sorted({found[i.key] for i in uses if i.overlaid and i.key in found}))
    infos: dict[str, ImageInfo] = {}
    for item in uses:
        info = _info(item, entries, infos, roots, use, diags)
        if info:
            infos[item.key] = info
    return infos


def _info(item: Use, entries: dict[str, ImageEntry], done: dict[str, ImageInfo], roots: list[Path], use: str,
          diags: Diagnostics) -> ImageInfo | None:
    path = f"slides.{item.slide}.{item.field}"
    entry = entries.get(item.key)
    if entry is None and item.key in getattr(entries, "rejected", ()):
        return None  # its entry has an error, reported already
    if entry is None:
        diags.error("unknown-image", f"slide '{item.slide}': no image '{item.key}' in the register", item.where,
                    path, did_you_mean(item.key, entries))
        return None
    _check_use(item, entry, use, diags)
    if item.key in done:
        return _with_thumb(done[item.key], item)
    if not inside(entry.path, roots):
        diags.error("outside-project", f"image '{item.key}': {entry.get('file')} is outside the project",
                    entry.data.at("file"), f"{item.key}.file",
                    "copy the image into the project's assets, or allow its folder with --allow")
        return None
    try:
        found = probe(entry.path)
    except ImageProblem as exc:
        diags.error("bad-image", f"image '{item.key}' (slide '{item.slide}'): {exc}", entry.data.at("file"),
                    f"{item.key}.file", "replace the file with a JPEG or PNG that opens in an image viewer")
        return None
    return _with_thumb(ImageInfo(entry, found.width, found.height, found.png), item)


def _with_thumb(info: ImageInfo, item: Use) -> ImageInfo:
    """The picture's thumbnail, read once, where text goes over it."""
    if not item.overlaid or info.thumb:
        return info
    return ImageInfo(info.entry, info.width, info.height, info.png, thumbnail(info.entry.path))


def _check_use(item: Use, entry: ImageEntry, use: str, diags: Diagnostics) -> None:
    lic = entry.licence
    path = f"slides.{item.slide}.{item.field}"
    if use in NOT_COMMERCIAL_USES and not entry.may_use_commercially:
        diags.error("noncommercial", f"slide '{item.slide}': image '{item.key}' is {lic.short}, which does not "
                    f"allow commercial use, and this deck's use is '{use}'", item.where, path,
                    "use another image, or record a permission with commercial: true in the register")
    if not entry.may_modify and item.spec.get("fit") == "cover":
        diags.error("no-derivatives", f"slide '{item.slide}': image '{item.key}' is {lic.short}, which does not "
                    "allow changes, so it cannot be cropped with fit: cover", item.spec.at("fit"), f"{path}.fit",
                    "use fit: contain (the whole image is shown)")
    author = (entry.get("author") or "").strip().lower()
    if author in ("unknown author", "unknown"):
        diags.warn("unknown-author", f"image '{item.key}' credits 'Unknown Author'", entry.data.at("author"),
                   f"{item.key}.author", "check the source for the creator's name")

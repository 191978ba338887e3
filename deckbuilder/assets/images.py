"""Image files with Pillow: probe, crop around a focus, downsample, encode, and cache by content."""
from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PIXELS = 60_000_000
MAX_BYTES = 60_000_000
TARGET_PPI = 200
JPEG_QUALITY = 85
CACHE_VERSION = 1


class ImageProblem(Exception):
    """An image file that cannot be used; the message says why."""


@dataclass(frozen=True)
class Probe:
    """What an image file is: its upright size in pixels, and whether it needs PNG."""

    width: int
    height: int
    format: str
    png: bool  # keep lossless: transparency or flat line art


def _open(path: Path) -> Image.Image:
    if not path.is_file():
        raise ImageProblem(f"the file {path.name} does not exist")
    size = path.stat().st_size
    if size == 0:
        raise ImageProblem(f"the file {path.name} is empty")
    if size > MAX_BYTES:
        raise ImageProblem(f"the file {path.name} is {size / 1e6:.0f} MB (limit {MAX_BYTES / 1e6:.0f} MB)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(path)
    except (UnidentifiedImageError, Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise ImageProblem(_why(path, exc)) from None
    except OSError as exc:
        raise ImageProblem(f"{path.name} cannot be read: {exc}") from None
    if img.width * img.height > MAX_PIXELS:
        raise ImageProblem(f"{path.name} has {img.width}×{img.height} pixels, more than the "
                           f"{MAX_PIXELS // 1_000_000} million allowed (a decompression bomb?)")
    return img


def _why(path: Path, exc: Exception) -> str:
    if isinstance(exc, UnidentifiedImageError):
        return f"{path.name} is not an image Pillow can read (corrupt, or not the format its name says)"
    return f"{path.name} is too large to open safely (a decompression bomb?)"


def probe(path: Path) -> Probe:
    """Read an image's header (and decode it once, to catch truncated or corrupt files)."""
    img = _open(path)
    try:
        img.load()
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageProblem(f"{path.name} is truncated or corrupt ({exc})") from None
    upright = ImageOps.exif_transpose(img)
    return Probe(upright.width, upright.height, img.format or "", _wants_png(img))


def _wants_png(img: Image.Image) -> bool:
    if img.format in ("JPEG", "MPO"):
        return False
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        return True
    return img.getcolors(maxcolors=4096) is not None  # flat art compresses better lossless


def cover_crop(width: int, height: int, box_w: int, box_h: int, focus: tuple[float, float]) -> tuple:
    """The (left, top, right, bottom) fractions to cut so the image fills the box, keeping the focus."""
    scale = max(box_w / width, box_h / height)
    excess_w = (width * scale - box_w) / (width * scale)
    excess_h = (height * scale - box_h) / (height * scale)

    def share(excess: float, f: float) -> tuple[float, float]:
        before = min(max(f - (1 - excess) / 2, 0.0), excess)
        return before, excess - before

    left, right = share(excess_w, focus[0])
    top, bottom = share(excess_h, focus[1])
    return round(left, 5), round(top, 5), round(right, 5), round(bottom, 5)


def contain(width: int, height: int, box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The largest box of the image's aspect inside `box` (x, y, w, h), centred."""
    x, y, w, h = box
    scale = min(w / width, h / height)
    cw, ch = round(width * scale), round(height * scale)
    return x + (w - cw) // 2, y + (h - ch) // 2, cw, ch


class ImageCache:
    """Processed images stored by the hash of the source bytes and the processing asked for."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._hashes: dict[tuple[Path, float, int], str] = {}

    def _digest(self, path: Path) -> str:
        stat = path.stat()
        key = (path.resolve(), stat.st_mtime, stat.st_size)
        if key not in self._hashes:
            self._hashes[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        return self._hashes[key]

    def prepared(self, path: Path, crop: tuple | None, size_px: tuple[int, int]) -> Path:
        """A file with the image cropped and downsampled to `size_px` (never enlarged)."""
        spec = json.dumps([CACHE_VERSION, self._digest(path), crop, size_px])
        name = hashlib.sha256(spec.encode()).hexdigest()[:32]
        for ext in (".jpg", ".png"):
            if (self.folder / (name + ext)).is_file():
                return self.folder / (name + ext)
        data, ext = _process(path, crop, size_px)
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / (name + ext)
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=ext)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
        return target


def _process(path: Path, crop: tuple | None, size_px: tuple[int, int]) -> tuple[bytes, str]:
    img = _open(path)
    png = _wants_png(img)
    if not png and img.format == "JPEG":
        img.draft("RGB", (size_px[0] * 2, size_px[1] * 2))
    img = ImageOps.exif_transpose(img)
    img = _normalise_mode(img, png)
    if crop:
        left, top, right, bottom = crop
        w, h = img.size
        img = img.crop((round(left * w), round(top * h), round(w - right * w), round(h - bottom * h)))
    if img.width > size_px[0] or img.height > size_px[1]:
        img = img.resize(_fit_within(img.size, size_px), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if png:
        img.save(out, "PNG", optimize=True)
        return out.getvalue(), ".png"
    img.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, dpi=(TARGET_PPI, TARGET_PPI))
    return out.getvalue(), ".jpg"


def _normalise_mode(img: Image.Image, png: bool) -> Image.Image:
    if img.mode == "I;16" or img.mode.startswith("I"):
        img = img.point(lambda v: v / 256).convert("L")
    if png:
        return img.convert("RGBA") if img.mode not in ("RGB", "RGBA", "L", "LA") else img
    if img.mode == "CMYK":
        return ImageOps.invert(img.convert("RGB")) if img.info.get("adobe_transform") == 0 else img.convert("RGB")
    return img.convert("RGB") if img.mode != "RGB" else img


def _fit_within(size: tuple[int, int], limit: tuple[int, int]) -> tuple[int, int]:
    scale = min(limit[0] / size[0], limit[1] / size[1], 1.0)
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def pixels_for(w_emu: int, h_emu: int) -> tuple[int, int]:
    """Pixels a placed picture needs at the target resolution."""
    return max(1, round(w_emu / 914_400 * TARGET_PPI)), max(1, round(h_emu / 914_400 * TARGET_PPI))


def brightest(path: Path, crop: tuple | None, region: tuple[float, float, float, float]) -> str:
    """The colour (RRGGBB) of the brightest 5 % of the pixels in `region` (fractions x, y, w, h of the
    picture as shown), so that text over it can be given a scrim that keeps it readable."""
    img = _open(path)
    img.draft("RGB", (400, 400))
    img = ImageOps.exif_transpose(img).convert("RGB")
    img.thumbnail((400, 400))
    if crop:
        w, h = img.size
        img = img.crop((round(crop[0] * w), round(crop[1] * h), round(w - crop[2] * w), round(h - crop[3] * h)))
    w, h = img.size
    x, y, rw, rh = region
    area = img.crop((round(x * w), round(y * h), max(round((x + rw) * w), 1), max(round((y + rh) * h), 1)))
    pixels = sorted(area.getdata(), key=lambda p: 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2])
    r, g, b = pixels[min(len(pixels) - 1, int(len(pixels) * 0.95))]
    return f"{r:02X}{g:02X}{b:02X}"

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

from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from ..errors import Problem

MAX_PIXELS = 60_000_000
MAX_BYTES = 60_000_000
TARGET_PPI = 200
JPEG_QUALITY = 85
SLACK = 1.25  # an image at most this much larger than its place keeps its pixels: resampling costs time, gains little
CACHE_VERSION = 2  # raised whenever prepared files would come out differently


class ImageProblem(Problem):
    """An image file that cannot be used; the message says why."""


@dataclass(frozen=True)
class Probe:
    """What an image file is: its upright size in pixels, and whether it needs PNG."""

    width: int
    height: int
    format: str
    png: bool  # keep lossless: transparency or flat line art


ORIENTATION = 0x0112
SIDEWAYS = (5, 6, 7, 8)  # EXIF orientations that swap width and height
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError)


def _open(path: Path) -> Image.Image:
    """Open an image (header only), refusing what cannot or should not be read; close it after use."""
    if not path.is_file():
        what = "is a folder, not an image" if path.is_dir() else "does not exist"
        raise ImageProblem(f"the file {path.name} {what}")
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
    except DECODE_ERRORS as exc:
        raise ImageProblem(f"{path.name} cannot be read: {exc}") from None
    if img.width * img.height > MAX_PIXELS:
        img.close()
        raise ImageProblem(f"{path.name} has {img.width}×{img.height} pixels, more than the "
                           f"{MAX_PIXELS // 1_000_000} million allowed (a decompression bomb?)")
    if isinstance(img, ImageFile.ImageFile):  # decode it in one call, without the GIL: block by block, each
        img.decodermaxblock = MAX_BYTES       # block waits for the GIL, ten times as long while slides are written
    return img


def _why(path: Path, exc: Exception) -> str:
    if isinstance(exc, UnidentifiedImageError):
        return f"{path.name} is not an image Pillow can read (corrupt, or not the format its name says)"
    return f"{path.name} is too large to open safely (a decompression bomb?)"


def _upright(img: Image.Image) -> Image.Image:
    """The picture turned as its EXIF orientation says (the same image when it needs no turn: no copy)."""
    try:
        turned = img.getexif().get(ORIENTATION, 1) not in (None, 1)
    except DECODE_ERRORS:
        return img
    return ImageOps.exif_transpose(img) if turned else img


def _sideways(img: Image.Image) -> bool:
    """Whether the EXIF orientation turns the picture a quarter turn (so its upright size is swapped)."""
    try:
        return img.getexif().get(ORIENTATION) in SIDEWAYS
    except DECODE_ERRORS:  # unreadable EXIF: exif_transpose will not turn it either
        return False


_READ: dict[tuple, object] = {}  # (what was read, the file's path, time and size) → the probe or thumbnail


def _once(read, path: Path):
    """`read(path)`, done once per process for an unchanged file."""
    try:
        stat = path.stat()
        key = (read.__name__, str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    except OSError:
        return read(path)
    if key not in _READ:
        _READ[key] = read(path)
    return _READ[key]


def probe(path: Path) -> Probe:
    """Read an image's header and make sure it is whole (a JPEG: its image data runs to the end marker; other
    formats: decoded once) to catch truncated or corrupt files; an unchanged file is probed once per process."""
    return _once(_probe, path)


def digest(path: Path) -> str:
    """The SHA-256 of the file's bytes (read once per process for an unchanged file)."""
    return _once(_digest, path)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_ahead(paths: list[Path], thumbs: list[Path]) -> None:
    """Probe and hash images (and make thumbnails) side by side before they are asked for: Pillow decodes and
    hashlib hashes without holding the GIL. A file that cannot be read is left for `probe` to report when it is
    asked for."""
    from concurrent.futures import ThreadPoolExecutor

    def read(job):
        try:
            job[0](job[1])
        except (ImageProblem, OSError):
            pass

    with ThreadPoolExecutor(max(1, min(len(paths) + len(thumbs), os.cpu_count() or 1))) as pool:
        list(pool.map(read, [(probe, p) for p in paths] + [(digest, p) for p in paths] +
                      [(thumbnail, p) for p in thumbs]))


def _probe(path: Path) -> Probe:
    with _open(path) as img:
        width, height = (img.height, img.width) if _sideways(img) else img.size
        fmt = img.format or ""
        if fmt == "JPEG":  # decoding it is left to preparing it (a photo would be decoded twice)
            if not _jpeg_ends(path.read_bytes()):
                raise ImageProblem(f"{path.name} is truncated or corrupt (its image data has no end marker)")
            return Probe(width, height, fmt, False)
        try:
            img.load()
        except DECODE_ERRORS as exc:
            raise ImageProblem(f"{path.name} is truncated or corrupt ({exc})") from None
        return Probe(width, height, fmt, _wants_png(img, fmt))


def _jpeg_ends(data: bytes) -> bool:
    """Whether a JPEG's image data runs to its end marker: the header segments (where an EXIF thumbnail, with
    markers of its own, may be) are stepped over by their lengths; in the image data that follows, FF D9 can
    only be the end marker. A file cut short, or garbled in its headers, has none."""
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return False
        marker = data[pos + 1]
        if marker == 0xFF:  # a fill byte before a marker
            pos += 1
        elif marker == 0xDA:  # start of scan: the image data
            return data.find(b"\xff\xd9", pos) >= 0
        else:
            pos += 2 + int.from_bytes(data[pos + 2:pos + 4], "big")
    return False


def _wants_png(img: Image.Image, fmt: str) -> bool:
    """Keep it lossless: transparency, or flat art (few colours); photos and JPEG sources go to JPEG."""
    if fmt in ("JPEG", "MPO"):
        return False
    if _transparent(img):
        return True
    return _eight_bit(img).getcolors(maxcolors=4096) is not None


def _transparent(img: Image.Image) -> bool:
    return img.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in img.info


def _eight_bit(img: Image.Image) -> Image.Image:
    """16- and 32-bit greyscale scaled to 8-bit (Pillow's convert would clip everything above 255 to white)."""
    if img.mode in ("I;16", "I;16B", "I;16L", "I;16N") or img.mode == "I" and _top(img) > 255:
        return img.point(lambda v: v / 256).convert("L")
    if img.mode == "I":
        return img.convert("L")
    if img.mode == "F":
        return img.point(lambda v: v * 255).convert("L")
    return img


def _top(img: Image.Image) -> float:
    """The largest value in a one-band image."""
    high = img.getextrema()[1]  # one band: (low, high); several: one pair per band
    return high if isinstance(high, (int, float)) else max(high)


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

    def target(self, path: Path, crop: tuple | None, size_px: tuple[int, int]) -> Path:
        """Where the image cropped and downsampled to `size_px` is kept (it may not be made yet)."""
        spec = json.dumps([CACHE_VERSION, digest(path), crop, size_px])
        ext = ".png" if probe(path).png else ".jpg"
        return self.folder / (hashlib.sha256(spec.encode()).hexdigest()[:32] + ext)

    def prepared(self, path: Path, crop: tuple | None, size_px: tuple[int, int]) -> Path:
        """A file with the image cropped and downsampled to `size_px` (never enlarged), made if not kept yet."""
        target = self.target(path, crop, size_px)
        if target.is_file():
            return target
        data = _process(path, crop, size_px, target.suffix == ".png")
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=target.suffix)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
        except OSError:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target


def _process(path: Path, crop: tuple | None, size_px: tuple[int, int], png: bool) -> bytes:
    with _open(path) as source:
        if not png and source.format == "JPEG":
            kept = (1 - crop[0] - crop[2], 1 - crop[1] - crop[3]) if crop else (1.0, 1.0)
            whole = (size_px[0] / max(kept[0], 0.01), size_px[1] / max(kept[1], 0.01))  # before the crop
            wanted = whole[::-1] if _sideways(source) else whole  # draft works on the stored orientation
            source.draft("RGB", (round(wanted[0]), round(wanted[1])))
        img = _normalise_mode(_upright(source), png)
        img.load()
    if crop:
        left, top, right, bottom = crop
        w, h = img.size
        img = img.crop((round(left * w), round(top * h), round(w - right * w), round(h - bottom * h)))
    if img.width > size_px[0] * SLACK or img.height > size_px[1] * SLACK:
        img = img.resize(_fit_within(img.size, size_px), Image.Resampling.LANCZOS, reducing_gap=3.0)
    out = io.BytesIO()
    if png:
        img.save(out, "PNG")  # zlib's default level: optimize=True takes five times as long for 1 % less
        return out.getvalue()
    ppi = round(TARGET_PPI * max(img.width / size_px[0], img.height / size_px[1], 1.0))
    img.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, dpi=(ppi, ppi))
    return out.getvalue()


def _normalise_mode(img: Image.Image, png: bool) -> Image.Image:
    """RGB for JPEG; RGB(A), L or LA for PNG. Pillow already reads Adobe CMYK JPEGs with inverted ink values."""
    img = _eight_bit(img)
    if png and img.mode in ("RGB", "RGBA", "L", "LA") and "transparency" not in img.info:
        return img
    if png and _transparent(img):
        return img.convert("RGBA")
    return img if img.mode == "RGB" else img.convert("RGB")


def _fit_within(size: tuple[int, int], limit: tuple[int, int]) -> tuple[int, int]:
    scale = min(limit[0] / size[0], limit[1] / size[1], 1.0)
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def pixels_for(w_emu: int, h_emu: int) -> tuple[int, int]:
    """Pixels a placed picture needs at the target resolution."""
    return max(1, round(w_emu / 914_400 * TARGET_PPI)), max(1, round(h_emu / 914_400 * TARGET_PPI))


@dataclass(frozen=True)
class Thumb:
    """A small upright copy of a picture (RGB bytes), so planning can read its light without opening files."""

    width: int
    height: int
    rgb: bytes


THUMB_SIZE = 400


def thumbnail(path: Path) -> Thumb:
    """The picture, upright, at most THUMB_SIZE pixels on its longer side (made once per process)."""
    return _once(_thumbnail, path)


def _thumbnail(path: Path) -> Thumb:
    with _open(path) as source:
        source.draft("RGB", (THUMB_SIZE, THUMB_SIZE))
        img = _eight_bit(_upright(source)).convert("RGB")
    img.thumbnail((THUMB_SIZE, THUMB_SIZE))
    return Thumb(img.width, img.height, img.tobytes())


def brightest(thumb: Thumb, crop: tuple | None, region: tuple[float, float, float, float]) -> str:
    """The colour (RRGGBB) of the brightest 5 % of the pixels in `region` (fractions x, y, w, h of the
    picture as shown), so that text over it can be given a scrim that keeps it readable."""
    img = Image.frombytes("RGB", (thumb.width, thumb.height), thumb.rgb)
    if crop:
        w, h = img.size
        img = img.crop((round(crop[0] * w), round(crop[1] * h), round(w - crop[2] * w), round(h - crop[3] * h)))
    w, h = img.size
    x, y, rw, rh = region
    left, top = min(round(x * w), w - 1), min(round(y * h), h - 1)
    area = img.crop((left, top, max(round((x + rw) * w), left + 1), max(round((y + rh) * h), top + 1)))
    flat = getattr(area, "get_flattened_data", area.getdata)  # getdata is deprecated from Pillow 12.1
    pixels = sorted(flat(), key=lambda p: 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2])
    r, g, b = pixels[min(len(pixels) - 1, int(len(pixels) * 0.95))]
    return f"{r:02X}{g:02X}{b:02X}"

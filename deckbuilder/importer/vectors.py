"""WMF and EMF drawings converted to PNG with LibreOffice, a deck's in one run, trimmed of the page."""
from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageChops

from ..checks.render import RenderUnavailable, soffice

VECTOR = {"wmf", "emf"}
TIMEOUT_S = 120
# LibreOffice draws a drawing on an A4 page: at 300 dpi, so the drawing keeps its detail once the page is trimmed.
PNG_300 = 'png:draw_png_Export:{"PixelWidth":{"type":"long","value":"2480"},' \
          '"PixelHeight":{"type":"long","value":"3508"}}'
MARGIN = 8  # pixels of white kept round the drawing


def to_png(drawings: dict[str, tuple[bytes, str]]) -> tuple[dict[str, bytes], str]:
    """PNG bytes for each drawing ({name: (bytes, 'wmf' or 'emf')}) LibreOffice could convert, and why none
    were when LibreOffice is missing or fails ('' when it ran)."""
    if not drawings:
        return {}, ""
    try:
        exe = soffice()
    except RenderUnavailable:
        return {}, "LibreOffice (soffice), which converts them, is not installed"
    with tempfile.TemporaryDirectory(prefix="deckbuilder-vectors-") as tmp:
        folder = Path(tmp)
        sources = []
        for name, (blob, ext) in drawings.items():
            path = folder / f"{name}.{ext}"
            path.write_bytes(blob)
            sources.append(str(path))
        cmd = [exe, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--convert-to", PNG_300,
               "--outdir", str(folder / "png"), *sources]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S)
        except (subprocess.TimeoutExpired, OSError) as exc:
            return {}, f"LibreOffice did not convert them ({exc})"
        return {name: _trimmed((folder / "png" / f"{name}.png").read_bytes()) for name in drawings
                if (folder / "png" / f"{name}.png").is_file()}, ""


def _trimmed(png: bytes) -> bytes:
    """The drawing without the white page LibreOffice draws it on (a small white margin kept)."""
    with Image.open(io.BytesIO(png)) as page:
        rgb = page.convert("RGB")
    box = ImageChops.difference(rgb, Image.new("RGB", rgb.size, "white")).getbbox()
    if box is None:
        return png
    left, top, right, bottom = box
    out = io.BytesIO()
    rgb.crop((max(left - MARGIN, 0), max(top - MARGIN, 0), min(right + MARGIN, rgb.width),
              min(bottom + MARGIN, rgb.height))).save(out, "PNG", optimize=True)
    return out.getvalue()

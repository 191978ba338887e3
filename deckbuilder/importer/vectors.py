"""WMF and EMF pictures (drawings PowerPoint shows, which deckbuilder cannot place) converted to PNG with
LibreOffice, all of a deck's in one run."""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from ..checks.render import RenderUnavailable, soffice

VECTOR = {"wmf", "emf"}
TIMEOUT_S = 120


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
        cmd = [exe, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--convert-to", "png",
               "--outdir", str(folder / "png"), *sources]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S)
        except (subprocess.TimeoutExpired, OSError) as exc:
            return {}, f"LibreOffice did not convert them ({exc})"
        return {name: (folder / "png" / f"{name}.png").read_bytes() for name in drawings
                if (folder / "png" / f"{name}.png").is_file()}, ""

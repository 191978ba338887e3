"""Previews: a deck rendered by LibreOffice to a PDF, one PNG per slide, and a numbered contact sheet."""
from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .checks.render import render_pdf
from .layout.fonts import FONT_DIR

SLIDE_WIDTH_PX = 1600
THUMB_WIDTH_PX = 480
COLUMNS = 4
GAP = 24


@dataclass(frozen=True)
class Preview:
    pdf: Path
    slides: tuple[Path, ...]
    sheet: Path


def preview(pptx: Path, out: Path) -> Preview:
    """Render `pptx` into `out`: <name>.pdf, <name>-NN.png per slide and <name>-sheet.png."""
    import pypdfium2 as pdfium

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = out / f"{pptx.stem}.pdf"
        shutil.move(str(render_pdf(pptx, Path(tmp))), pdf)
    document = pdfium.PdfDocument(str(pdf))
    slides = []
    for index in range(len(document)):
        page = document[index]
        image = page.render(scale=SLIDE_WIDTH_PX / page.get_width()).to_pil()
        path = out / f"{pptx.stem}-{index + 1:02d}.png"
        image.save(path)
        slides.append(path)
    document.close()
    sheet = out / f"{pptx.stem}-sheet.png"
    contact_sheet(slides, sheet)
    return Preview(pdf, tuple(slides), sheet)


def contact_sheet(slides: list[Path], target: Path, columns: int = COLUMNS) -> None:
    """All slides as numbered thumbnails on one image."""
    thumbs = []
    for path in slides:
        with Image.open(path) as img:
            thumbs.append(img.resize((THUMB_WIDTH_PX, round(img.height * THUMB_WIDTH_PX / img.width)),
                                     Image.Resampling.LANCZOS))
    if not thumbs:
        return
    cols = min(columns, len(thumbs))
    rows = -(-len(thumbs) // cols)
    w, h = thumbs[0].size
    label = 26
    sheet = Image.new("RGB", (cols * (w + GAP) + GAP, rows * (h + GAP + label) + GAP), "#E5E7EB")
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.truetype(str(FONT_DIR / "Carlito-Bold.ttf"), 18)
    for i, thumb in enumerate(thumbs):
        x = GAP + (i % cols) * (w + GAP)
        y = GAP + (i // cols) * (h + GAP + label)
        draw.text((x, y), str(i + 1), fill="#374151", font=font)
        sheet.paste(thumb, (x, y + label))
        draw.rectangle((x - 1, y + label - 1, x + w, y + label + h), outline="#9CA3AF")
    sheet.save(target)

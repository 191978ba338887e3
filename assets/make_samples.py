"""Draw the sample photos and logo in this folder, deterministically: python assets/make_samples.py."""
from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "deckbuilder" / "fonts" / "Carlito-Bold.ttf"
TEAL, CORAL = (15, 92, 99), (194, 65, 12)


def mix(a: tuple, b: tuple, t: float) -> tuple:
    """The colour a fraction t of the way from a to b."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def vertical_gradient(size: tuple[int, int], stops: list[tuple[float, tuple]]) -> Image.Image:
    """An RGB image shading from top to bottom through (position 0-1, colour) stops."""
    w, h = size
    column = []
    for y in range(h):
        t = y / (h - 1)
        (p0, c0), (p1, c1) = next((s, e) for s, e in zip(stops, stops[1:]) if t <= e[0])
        column.append(mix(c0, c1, (t - p0) / (p1 - p0)))
    strip = Image.new("RGB", (1, h))
    strip.putdata(column)
    return strip.resize(size)


def radial_mask(size: tuple[int, int], centre: tuple[float, float], radius: float, power: float = 2.0,
                strength: float = 1.0) -> Image.Image:
    """An L mask that is strength*255 at centre and fades to 0 at radius (falloff (1-d)^power)."""
    r = max(1, round(radius))
    spot = Image.radial_gradient("L").resize((2 * r, 2 * r), Image.BICUBIC)
    spot = spot.point(lambda v: round(255 * strength * max(0.0, 1 - v / 181) ** power))
    mask = Image.new("L", size, 0)
    mask.paste(spot, (round(centre[0]) - r, round(centre[1]) - r))
    return mask


def glow(img: Image.Image, centre, radius, colour, power=2.0, strength=1.0) -> Image.Image:
    """Add light of a colour around a point (screen blend, as light adds up)."""
    mask = radial_mask(img.size, centre, radius, power, strength)
    light = ImageChops.multiply(Image.new("RGB", img.size, colour), Image.merge("RGB", (mask,) * 3))
    return ImageChops.screen(img, light)


def paint(img: Image.Image, fill, mask: Image.Image) -> Image.Image:
    """Paint a colour or an image onto img through a mask."""
    if isinstance(fill, tuple):
        fill = Image.new("RGB", img.size, fill)
    return Image.composite(fill, img, mask)


def bokeh(img: Image.Image, rng: random.Random, count: int, colours, radii, alpha, blur,
          region=(0, 0, 1, 1)) -> Image.Image:
    """Scatter soft out-of-focus discs of light over img."""
    w, h = img.size
    for colour in colours:
        mask = Image.new("L", img.size, 0)
        draw = ImageDraw.Draw(mask)
        for _ in range(count // len(colours)):
            x = rng.uniform(region[0], region[2]) * w
            y = rng.uniform(region[1], region[3]) * h
            r = rng.uniform(*radii) * h
            draw.ellipse((x - r, y - r, x + r, y + r), fill=round(rng.uniform(*alpha) * 255))
        light = ImageChops.multiply(Image.new("RGB", img.size, colour),
                                    Image.merge("RGB", (mask.filter(ImageFilter.GaussianBlur(blur)),) * 3))
        img = ImageChops.screen(img, light)
    return img


def finish(img: Image.Image, size: tuple[int, int], seed: int, grain: float, vignette: float = 0.25) -> Image.Image:
    """Upscale smoothly to the final size, darken the corners a little and add film grain."""
    img = img.resize(size, Image.LANCZOS)
    w, h = size
    shade = radial_mask(size, (w / 2, h / 2), math.hypot(w, h) * 0.75, power=0.8)
    shade = shade.point(lambda v: round(255 - vignette * 255 + vignette * v))
    img = ImageChops.multiply(img, Image.merge("RGB", (shade,) * 3))
    noise = Image.frombytes("L", size, random.Random(seed).randbytes(w * h))
    noise = noise.filter(ImageFilter.GaussianBlur(0.7)).point(lambda v: round(128 + (v - 128) * grain))
    return ImageChops.add(img, Image.merge("RGB", (noise,) * 3), 1.0, -128)


def hills(size, rng: random.Random, base: float, height: float, waves: int) -> list[tuple[float, float]]:
    """The outline of a range of soft hills: a polygon closed along the bottom edge."""
    w, h = size
    parts = [(rng.uniform(0.5, 1.6) * (i + 1), rng.uniform(0, 2 * math.pi), 1 / (i + 1)) for i in range(waves)]
    points = []
    for x in range(0, w + 5, 4):
        u = x / w
        y = base - height * sum(a * math.sin(2 * math.pi * f * u + p) for f, p, a in parts)
        points.append((x, y * h))
    return [(0, h), *points, (w, h)]


def hope_sunrise(path: Path) -> None:
    """A sunrise over layered, hazy hills; the sun sits right of centre."""
    size, rng = (1500, 1000), random.Random(1)
    sun = (0.70 * size[0], 0.40 * size[1])
    img = vertical_gradient(size, [(0, (84, 110, 168)), (0.2, (136, 140, 186)), (0.36, (240, 176, 150)),
                                   (0.48, (255, 206, 150)), (1, (255, 228, 184))])
    img = glow(img, sun, 900, (120, 70, 30), power=1.5)
    img = glow(img, sun, 380, (255, 190, 110), power=2.2, strength=0.8)
    img = glow(img, sun, 120, (255, 226, 170), power=1.5, strength=0.6)
    disc = Image.new("L", size, 0)
    ImageDraw.Draw(disc).ellipse((sun[0] - 38, sun[1] - 38, sun[0] + 38, sun[1] + 38), fill=255)
    img = paint(img, (255, 251, 236), disc.filter(ImageFilter.GaussianBlur(3)))
    layers = [(0.50, 0.025, (236, 170, 150), 3), (0.58, 0.04, (204, 134, 130), 2.5), (0.68, 0.05, (160, 100, 110), 2),
              (0.80, 0.06, (110, 72, 90), 1.5), (0.93, 0.07, (70, 48, 66), 1)]
    for base, height, colour, blur in layers:
        mask = Image.new("L", size, 0)
        ImageDraw.Draw(mask).polygon(hills(size, rng, base, height, 3), fill=255)
        img = paint(img, colour, mask.filter(ImageFilter.GaussianBlur(blur)))
        if base < 0.9:
            mist = vertical_gradient(size, [(0, (0,) * 3), (base, (0,) * 3), (base + 0.1, (110,) * 3), (1, (110,) * 3)])
            img = paint(img, (255, 214, 180), mist.convert("L"))  # haze settling in the valley below this ridge
    img = glow(img, sun, 700, (110, 60, 20), power=3, strength=0.6)
    finish(img, (3000, 2000), seed=11, grain=0.18).save(path, quality=92)


def capsule(draw: ImageDraw.ImageDraw, p, q, r: float) -> None:
    """A rounded stroke of radius r from point p to point q (a finger, an arm)."""
    draw.line((p, q), fill=255, width=round(2 * r))
    for x, y in (p, q):
        draw.ellipse((x - r, y - r, x + r, y + r), fill=255)


# A hand, palm towards us, fingers up: capsules (from, to, radius) in palm widths from the wrist.
HAND = {
    "arm": [((0, 0.4), (0, 9), 0.34)],
    "sleeve": [((0, 1.5), (0, 9), 0.44)],
    "palm": [((0, -0.35), (0, -0.62), 0.5)],
    "fingers": [((-0.36, -0.9), (-0.5, -1.55), 0.105), ((-0.12, -1.0), (-0.15, -1.75), 0.11),
                ((0.12, -0.98), (0.16, -1.68), 0.105), ((0.35, -0.85), (0.46, -1.35), 0.095)],
    "thumb": [((-0.4, -0.3), (-0.8, -0.78), 0.14)],
}


def hand(draw: ImageDraw.ImageDraw, parts, wrist, angle: float, scale: float, baby=False) -> None:
    """Draw parts of a hand turned by angle (degrees clockwise from fingers-up); a baby's has short, plump fingers."""
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))

    def at(x, y):
        return wrist[0] + scale * (x * c - y * s), wrist[1] + scale * (x * s + y * c)

    for part in parts:
        for (x0, y0), (x1, y1), r in HAND[part]:
            if baby and part in ("fingers", "thumb"):
                x1, y1 = x0 + (x1 - x0) * 0.75, y0 + (y1 - y0) * 0.75
            if baby and part != "palm":
                r *= 1.3
            capsule(draw, at(x0, y0), at(x1, y1), r * scale)


def shift(mask: Image.Image, dx: int, dy: int) -> Image.Image:
    """A mask moved by (dx, dy), without wrapping round the edges."""
    moved = Image.new("L", mask.size, 0)
    moved.paste(mask, (dx, dy))
    return moved


def shaded(img: Image.Image, shapes, light, dark, soft=1.5, shadow=0.0) -> Image.Image:
    """Paint shapes (a function drawing on a mask) lit from the upper left, casting a soft shadow if asked."""
    mask = Image.new("L", img.size, 0)
    shapes(ImageDraw.Draw(mask))
    if shadow:
        cast = shift(mask, 6, 14).filter(ImageFilter.GaussianBlur(14)).point(lambda v: round(v * shadow))
        img = paint(img, (60, 30, 26), cast)
    lit = shift(mask.filter(ImageFilter.GaussianBlur(18)), -8, -12)
    depth = ImageChops.subtract(mask.filter(ImageFilter.MaxFilter(5)), lit)  # high near the lower-right edges
    depth = depth.point(lambda v: min(255, 2 * v))
    fill = Image.composite(Image.new("RGB", img.size, dark), Image.new("RGB", img.size, light), depth)
    return paint(img, fill, mask.filter(ImageFilter.GaussianBlur(soft)))


def held_hands(path: Path) -> None:
    """A baby's small hand resting in a parent's open hand, on warm bokeh."""
    size, rng = (1500, 1000), random.Random(2)
    img = vertical_gradient(size, [(0, (166, 102, 78)), (1, (90, 50, 52))])
    img = bokeh(img, rng, 60, [(255, 206, 140), (255, 176, 140), (255, 232, 196)], (0.02, 0.07), (0.2, 0.55), 6)
    img = glow(img, (930, 450), 520, (110, 70, 40), power=2)
    adult, adult_dark = (236, 178, 136), (178, 110, 80)
    baby, baby_dark = (255, 216, 196), (228, 160, 138)
    parent = dict(wrist=(1000, 513), angle=-48, scale=250)
    child = dict(wrist=(880, 490), angle=55, scale=110, baby=True)
    img = shaded(img, lambda d: hand(d, ["arm", "palm", "fingers", "thumb"], **parent), adult, adult_dark, shadow=0.3)
    img = shaded(img, lambda d: hand(d, ["sleeve"], **parent), (74, 128, 132), (34, 80, 86), shadow=0.3)
    img = shaded(img, lambda d: hand(d, ["arm", "palm", "fingers", "thumb"], **child), baby, baby_dark, shadow=0.4)
    img = shaded(img, lambda d: hand(d, ["sleeve"], **child), (246, 230, 210), (204, 182, 160), shadow=0.3)
    img = glow(img, (930, 450), 420, (70, 46, 26), power=2)
    finish(img, (3000, 2000), seed=12, grain=0.18).save(path, quality=92)


def balloon(img: Image.Image, rng: random.Random, x: float, y: float, r: float, colour, blur: float) -> Image.Image:
    """A shiny balloon of radius r centred at (x, y) with its knot and a trailing string."""
    mask = Image.new("L", img.size, 0)
    draw = ImageDraw.Draw(mask)
    draw.ellipse((x - r, y - 1.15 * r, x + r, y + 1.15 * r), fill=255)
    draw.polygon(((x, y + 1.1 * r), (x - 0.12 * r, y + 1.28 * r), (x + 0.12 * r, y + 1.28 * r)), fill=255)
    string = Image.new("L", img.size, 0)
    wave, phase = rng.uniform(0.1, 0.25) * r, rng.uniform(0, 2 * math.pi)
    ImageDraw.Draw(string).line([(x + wave * math.sin(phase + t / 12), y + 1.28 * r + t * r / 20) for t in range(61)],
                                fill=150, width=max(1, round(r / 40)))
    img = paint(img, (250, 250, 245), string.filter(ImageFilter.GaussianBlur(blur)))
    sheen = Image.composite(Image.new("RGB", img.size, mix(colour, (255, 255, 255), 0.3)),
                            Image.new("RGB", img.size, mix(colour, (40, 10, 50), 0.35)),
                            radial_mask(img.size, (x - 0.3 * r, y - 0.4 * r), 2.2 * r, power=0.9))
    img = paint(img, sheen, mask.filter(ImageFilter.GaussianBlur(blur + 0.6)))
    highlight = radial_mask(img.size, (x - 0.4 * r, y - 0.55 * r), 0.32 * r, power=1.5, strength=0.75)
    return paint(img, (255, 255, 255), highlight)


def balloons(path: Path) -> None:
    """Balloons rising in a blue sky, leaving the upper middle calm for a title."""
    size, rng = (1500, 1000), random.Random(3)
    img = vertical_gradient(size, [(0, (92, 148, 214)), (0.6, (170, 208, 240)), (1, (214, 234, 248))])
    img = glow(img, (450, 120), 700, (120, 110, 90), power=1.6)
    img = bokeh(img, rng, 45, [(255, 255, 255), (255, 244, 220)], (0.015, 0.06), (0.15, 0.4), 7, (0, 0.35, 1, 1))
    colours = [(246, 80, 70), (255, 196, 40), (0, 168, 160), (255, 136, 30), (244, 90, 150), (130, 96, 220),
               (90, 196, 90), (40, 140, 236)]
    areas = [((0.04, 0.3), (0.15, 0.85))] * 9 + [((0.7, 0.96), (0.15, 0.85))] * 9 + [((0.3, 0.7), (0.62, 0.95))] * 6
    spots = sorted((rng.random(), rng.uniform(*xs), rng.uniform(*ys)) for xs, ys in areas)
    for depth, x, y in spots:
        colour = mix(rng.choice(colours), (200, 222, 244), 0.45 * (1 - depth))
        img = balloon(img, rng, x * size[0], y * size[1], 30 + 80 * depth, colour, 6 * (1 - depth) ** 2)
    finish(img, (3000, 2000), seed=13, grain=0.16, vignette=0.15).save(path, quality=92)


def together(path: Path) -> None:
    """Three overlapping circles, large, medium and small: a family, in portrait."""
    size = (600, 750)
    img = vertical_gradient(size, [(0, (252, 240, 224)), (1, (240, 206, 180))])
    img = glow(img, (180, 120), 500, (60, 50, 30), power=1.5)
    for (x, y, r), colour in [((0.42, 0.42, 0.27), (238, 146, 110)), ((0.64, 0.5, 0.2), (246, 190, 96)),
                              ((0.52, 0.65, 0.11), (228, 120, 132))]:
        x, y, r = x * size[0], y * size[1], r * size[0]
        mask = Image.new("L", size, 0)
        ImageDraw.Draw(mask).ellipse((x - r, y - r, x + r, y + r), fill=255)
        body = glow(Image.new("RGB", size, colour), (x - 0.3 * r, y - 0.35 * r), 1.6 * r, (60, 50, 40), power=1.5)
        layer = paint(Image.new("RGB", size, (255, 255, 255)), body, mask.filter(ImageFilter.GaussianBlur(1.8)))
        img = ImageChops.multiply(img, layer)
    exif = Image.Exif()
    exif[0x0112] = 1  # Orientation: normal
    finish(img, (2400, 3000), seed=14, grain=0.16, vignette=0.12).save(path, quality=92, exif=exif)


def hope_logo(path: Path) -> None:
    """The 'Story of hope' logo: a large teal circle, a small coral one and the words, on transparency."""
    k = 4  # draw four times larger, then shrink: smooth edges
    img = Image.new("RGBA", (1260 * k, 360 * k), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)

    def circle(x, y, r, fill):
        draw.ellipse(((x - r) * k, (y - r) * k, (x + r) * k, (y + r) * k), fill=fill)

    circle(140, 205, 120, TEAL)
    circle(244, 122, 77, (0, 0, 0, 0))  # a clear gap where the small circle overlaps
    circle(244, 122, 64, CORAL)
    font = ImageFont.truetype(str(FONT), 160 * k)
    top, bottom = font.getbbox("Story of hope")[1::2]
    y = 180 * k - (top + bottom) / 2
    draw.text((344 * k, y), "Story of ", font=font, fill=TEAL)
    draw.text((344 * k + font.getlength("Story of "), y), "hope", font=font, fill=CORAL)
    img.resize((1260, 360), Image.LANCZOS).save(path)


def main() -> None:
    (HERE / "photos").mkdir(exist_ok=True)
    (HERE / "logos").mkdir(exist_ok=True)
    hope_sunrise(HERE / "photos" / "hope-sunrise.jpg")
    held_hands(HERE / "photos" / "held-hands.jpg")
    balloons(HERE / "photos" / "balloons.jpg")
    together(HERE / "photos" / "together.jpg")
    hope_logo(HERE / "logos" / "hope-logo.png")


if __name__ == "__main__":
    main()

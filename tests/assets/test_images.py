"""Image files with Pillow: bad files refused with a reason, odd colour modes normalised, EXIF rotation
honoured, crops and fits, and the content-addressed cache."""
from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from deckbuilder.assets.images import (
    ImageCache,
    ImageProblem,
    brightest,
    contain,
    cover_crop,
    pixels_for,
    probe,
    thumbnail,
)

from .conftest import make_image


def _png_header(width: int, height: int) -> bytes:
    """A PNG that only claims a size: signature, IHDR, a tiny IDAT, IEND."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))


def _photo(path: Path, size=(600, 400), **save) -> Path:
    """A noisy picture: many colours, so it counts as a photo."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.merge("RGB", [Image.effect_noise(size, 64) for _ in range(3)]).save(path, **save)
    return path


# Bad files ---------------------------------------------------------------------------------------------------------

def _problem(path: Path) -> str:
    with pytest.raises(ImageProblem) as caught:
        probe(path)
    return str(caught.value)


def test_a_missing_file(tmp_path):
    assert _problem(tmp_path / "gone.jpg") == "the file gone.jpg does not exist"


def test_a_folder_named_like_an_image(tmp_path):
    (tmp_path / "photo.jpg").mkdir()
    assert _problem(tmp_path / "photo.jpg") == "the file photo.jpg is a folder, not an image"


def test_an_empty_file(tmp_path):
    (tmp_path / "empty.png").write_bytes(b"")
    assert _problem(tmp_path / "empty.png") == "the file empty.png is empty"


def test_corrupt_bytes(tmp_path):
    (tmp_path / "noise.jpg").write_bytes(bytes(range(256)) * 20)
    assert "is not an image Pillow can read" in _problem(tmp_path / "noise.jpg")


def test_a_jpeg_header_followed_by_garbage(tmp_path):
    good = _photo(tmp_path / "good.jpg").read_bytes()
    (tmp_path / "garbled.jpg").write_bytes(good[:700] + bytes(range(256)) * 30)
    assert "truncated or corrupt" in _problem(tmp_path / "garbled.jpg")


def test_a_truncated_jpeg(tmp_path):
    good = _photo(tmp_path / "good.jpg", quality=90).read_bytes()
    (tmp_path / "cut.jpg").write_bytes(good[: len(good) // 2])
    assert "cut.jpg is truncated or corrupt" in _problem(tmp_path / "cut.jpg")


def test_a_jpeg_whose_exif_thumbnail_is_whole_but_whose_photo_is_cut_short(tmp_path):
    """The thumbnail in the EXIF header has an end marker of its own: the check steps over the header."""
    thumb = io.BytesIO()
    Image.new("RGB", (16, 16), "red").save(thumb, "JPEG")
    exif = Image.Exif()
    exif[0x0112] = 1
    data = exif.tobytes() + thumb.getvalue()  # an EXIF block that carries a whole JPEG
    photo = io.BytesIO()
    Image.effect_noise((400, 300), 60).convert("RGB").save(photo, "JPEG", exif=data, quality=90)
    whole = photo.getvalue()
    assert whole.count(b"\xff\xd9") >= 2
    (tmp_path / "cut.jpg").write_bytes(whole[: len(whole) - 200])
    assert "cut.jpg is truncated or corrupt" in _problem(tmp_path / "cut.jpg")
    (tmp_path / "whole.jpg").write_bytes(whole)
    assert probe(tmp_path / "whole.jpg").width == 400


def test_a_truncated_png(tmp_path):
    good = _photo(tmp_path / "good.png").read_bytes()
    (tmp_path / "cut.png").write_bytes(good[: len(good) // 2])
    assert "truncated or corrupt" in _problem(tmp_path / "cut.png")


def test_a_decompression_bomb_is_refused_before_it_is_decoded(tmp_path):
    (tmp_path / "bomb.png").write_bytes(_png_header(100_000, 100_000))
    assert _problem(tmp_path / "bomb.png") == "bomb.png is too large to open safely (a decompression bomb?)"


def test_more_pixels_than_a_slide_could_use_is_refused(tmp_path):
    (tmp_path / "huge.png").write_bytes(_png_header(8000, 8000))
    assert _problem(tmp_path / "huge.png") == \
        "huge.png has 8000×8000 pixels, more than the 60 million allowed (a decompression bomb?)"


def test_a_file_too_large_in_bytes_is_refused_without_reading_it(tmp_path):
    with (tmp_path / "big.jpg").open("wb") as handle:
        handle.truncate(61_000_000)  # sparse: costs no time or disk
    assert _problem(tmp_path / "big.jpg") == "the file big.jpg is 61 MB (limit 60 MB)"


def test_a_png_named_jpg_is_read_for_what_it_is(tmp_path):
    make_image(tmp_path / "really-png.jpg", fmt="PNG")
    found = probe(tmp_path / "really-png.jpg")
    assert (found.width, found.height, found.format, found.png) == (300, 200, "PNG", True)


def test_text_named_png_is_refused(tmp_path):
    (tmp_path / "notes.png").write_text("These are my notes, not a picture.\n" * 20)
    assert _problem(tmp_path / "notes.png") == \
        "notes.png is not an image Pillow can read (corrupt, or not the format its name says)"


# Colour modes and orientation --------------------------------------------------------------------------------------

def _adobe_transform(jpeg: bytes) -> int | None:
    """The transform byte of a JPEG's Adobe APP14 segment (0: CMYK stored as is), or None without one."""
    at = jpeg.find(b"\xff\xee")
    return jpeg[at + 4 + 11] if at >= 0 and jpeg[at + 4:at + 9] == b"Adobe" else None


def test_a_cmyk_jpeg_keeps_its_colours(tmp_path):
    """libjpeg writes the Adobe marker (transform 0) as Photoshop does; Pillow reads the inverted inks itself, so
    a red stays red (inverting again would make it cyan)."""
    path = make_image(tmp_path / "cmyk.jpg", (300, 200), "CMYK", (0, 255, 255, 0), quality=95)
    assert _adobe_transform(path.read_bytes()) == 0
    found = probe(path)
    assert (found.format, found.png) == ("JPEG", False)
    out = ImageCache(tmp_path / "cache").prepared(path, None, (300, 200))
    with Image.open(out) as img:
        assert img.mode == "RGB" and out.suffix == ".jpg"
        r, g, b = img.getpixel((150, 100))
    assert r > 230 and g < 25 and b < 25


def test_a_palette_png_with_transparency_stays_png_and_keeps_its_alpha(tmp_path):
    img = Image.new("P", (200, 100), 0)
    img.putpalette([255, 255, 255, 200, 30, 30] + [0] * 762)
    img.paste(1, (50, 0, 200, 100))
    img.save(tmp_path / "logo.png", transparency=0)
    assert probe(tmp_path / "logo.png").png
    out = ImageCache(tmp_path / "cache").prepared(tmp_path / "logo.png", None, (200, 100))
    with Image.open(out) as done:
        assert (out.suffix, done.mode) == (".png", "RGBA")
        assert done.getpixel((10, 50))[3] == 0 and done.getpixel((150, 50)) == (200, 30, 30, 255)


def test_an_rgb_png_with_a_transparent_colour_keeps_it(tmp_path):
    img = Image.effect_noise((200, 100), 64).convert("RGB")
    img.paste((0, 255, 0), (0, 0, 40, 100))
    img.save(tmp_path / "keyed.png", transparency=(0, 255, 0))
    assert probe(tmp_path / "keyed.png").png
    out = ImageCache(tmp_path / "cache").prepared(tmp_path / "keyed.png", None, (200, 100))
    with Image.open(out) as done:
        assert done.mode == "RGBA" and done.getpixel((10, 50))[3] == 0


def test_a_16_bit_greyscale_png_is_scaled_not_clipped_to_white(tmp_path):
    img = Image.new("I;16", (256, 64))
    img.putdata([x * 257 for x in range(256)] * 64)  # a ramp over the whole 16-bit range
    img.save(tmp_path / "ramp16.png")
    with Image.open(tmp_path / "ramp16.png") as check:
        assert check.mode.startswith("I")
    found = probe(tmp_path / "ramp16.png")
    assert (found.width, found.height) == (256, 64)
    out = ImageCache(tmp_path / "cache").prepared(tmp_path / "ramp16.png", None, (256, 64))
    with Image.open(out) as done:
        grey = done.convert("L")
        assert abs(grey.getpixel((64, 32)) - 64) <= 6 and abs(grey.getpixel((192, 32)) - 192) <= 6


def test_a_16_bit_greyscale_png_with_few_levels_stays_lossless(tmp_path):
    img = Image.new("I;16", (64, 64), 0)
    img.paste(65535, (32, 0, 64, 64))
    img.save(tmp_path / "flat16.png")
    assert probe(tmp_path / "flat16.png").png


def test_a_greyscale_jpeg_is_prepared_as_rgb_jpeg(tmp_path):
    path = make_image(tmp_path / "grey.jpg", mode="L", color=90)
    out = ImageCache(tmp_path / "cache").prepared(path, None, (300, 200))
    with Image.open(out) as done:
        assert (out.suffix, done.mode) == (".jpg", "RGB")


def _rotated_jpeg(path: Path, size=(300, 200), orientation: int = 6) -> Path:
    """Stored `size` with a blue stripe on the left quarter; EXIF says to turn it (6: a quarter turn clockwise)."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    return make_image(path, size, exif=exif, quality=95)


@pytest.mark.parametrize("orientation, upright", [(1, (300, 200)), (3, (300, 200)), (6, (200, 300)),
                                                  (8, (200, 300)), (5, (200, 300))])
def test_the_upright_size_of_an_exif_rotated_jpeg_is_used(tmp_path, orientation, upright):
    found = probe(_rotated_jpeg(tmp_path / "phone.jpg", orientation=orientation))
    assert (found.width, found.height) == upright


def test_a_rotated_jpeg_is_prepared_upright(tmp_path):
    path = _rotated_jpeg(tmp_path / "phone.jpg")
    out = ImageCache(tmp_path / "cache").prepared(path, None, (200, 300))
    with Image.open(out) as done:
        assert done.size == (200, 300)
        assert done.getexif().get(0x0112) in (None, 1)
        top, bottom = done.getpixel((100, 20)), done.getpixel((100, 280))
    assert top[2] > 120 and top[0] < 80  # the stripe turned from the left side to the top
    assert bottom[0] > 150


def test_a_rotated_jpeg_is_not_drafted_too_small_for_a_thin_crop(tmp_path):
    """JPEG draft decoding works on the stored orientation: asking for the upright size unswapped would
    decode a quarter turned strip at too low a resolution."""
    path = _rotated_jpeg(tmp_path / "tall.jpg", (1600, 200))  # upright 200 × 1600
    crop = cover_crop(200, 1600, 200, 20, (0.5, 0.5))
    out = ImageCache(tmp_path / "cache").prepared(path, crop, (200, 20))
    with Image.open(out) as done:
        assert done.size == (200, 20)


def test_probe_tells_photos_from_flat_art(tmp_path):
    assert not probe(_photo(tmp_path / "photo.png")).png  # many colours: JPEG is better
    assert probe(make_image(tmp_path / "chart.png")).png  # three colours: keep lossless
    assert probe(make_image(tmp_path / "alpha.png", mode="RGBA", color=(0, 0, 0, 0))).png
    assert not probe(make_image(tmp_path / "flat.jpg")).png  # a JPEG source is never re-encoded lossless


# Crops and fits ----------------------------------------------------------------------------------------------------

def test_cover_crop_cuts_the_sides_around_the_focus():
    assert cover_crop(3000, 2000, 1000, 1000, (0.5, 0.5)) == (0.16667, 0.0, 0.16667, 0.0)
    assert cover_crop(3000, 2000, 1000, 1000, (0.0, 0.5)) == (0.0, 0.0, 0.33333, 0.0)
    assert cover_crop(3000, 2000, 1000, 1000, (0.9, 0.5)) == (0.33333, 0.0, 0.0, 0.0)
    assert cover_crop(3000, 2000, 1000, 1000, (0.6, 0.5)) == (0.26667, 0.0, 0.06667, 0.0)


def test_cover_crop_cuts_top_and_bottom_for_a_wide_box():
    left, top, right, bottom = cover_crop(2000, 2000, 1600, 900, (0.5, 0.3))
    assert (left, right) == (0.0, 0.0)
    assert top + bottom == pytest.approx(1 - 900 / 1600, abs=1e-4) and top < bottom


def test_cover_crop_of_a_matching_box_cuts_nothing():
    assert cover_crop(3000, 2000, 300, 200, (0.1, 0.9)) == (0.0, 0.0, 0.0, 0.0)


def test_contain_centres_the_whole_image():
    assert contain(3000, 2000, (100, 100, 1000, 1000)) == (100, 266, 1000, 667)
    assert contain(1000, 2000, (0, 0, 1000, 1000)) == (250, 0, 500, 1000)


def test_pixels_for_is_200_per_inch():
    assert pixels_for(914_400 * 4, 914_400 * 3) == (800, 600)


# Preparing and caching ---------------------------------------------------------------------------------------------

def test_a_photo_is_cropped_downsampled_and_saved_as_jpeg_at_200_ppi(tmp_path):
    path = _photo(tmp_path / "photo.jpg", (1200, 800))
    out = ImageCache(tmp_path / "cache").prepared(path, (0.25, 0.0, 0.25, 0.0), (300, 400))
    with Image.open(out) as done:
        assert (out.suffix, done.format, done.size) == (".jpg", "JPEG", (300, 400))
        assert done.info["dpi"] == pytest.approx((200, 200))


def test_a_photo_a_little_larger_than_its_place_keeps_its_pixels_and_says_its_resolution(tmp_path):
    path = _photo(tmp_path / "photo.jpg", (330, 220))  # 10 % over: resampling would gain nothing worth its time
    out = ImageCache(tmp_path / "cache").prepared(path, None, (300, 200))
    with Image.open(out) as done:
        assert done.size == (330, 220) and done.info["dpi"] == pytest.approx((220, 220))
    much = _photo(tmp_path / "large.jpg", (400, 260))
    with Image.open(ImageCache(tmp_path / "cache").prepared(much, None, (300, 200))) as done:
        assert done.size == (300, 195)


def test_an_image_is_never_enlarged(tmp_path):
    out = ImageCache(tmp_path / "cache").prepared(make_image(tmp_path / "small.png"), None, (3000, 2000))
    with Image.open(out) as done:
        assert done.size == (300, 200) and out.suffix == ".png"


def _cache_state(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}


def test_a_second_request_returns_the_same_file_without_processing_again(tmp_path):
    path = _photo(tmp_path / "photo.jpg", (900, 600))
    folder = tmp_path / "cache"
    first = ImageCache(folder).prepared(path, (0.1, 0.0, 0.1, 0.0), (350, 300))
    before = _cache_state(folder)
    again = ImageCache(folder).prepared(path, (0.1, 0.0, 0.1, 0.0), (350, 300))  # a new build, same folder
    assert again == first
    assert _cache_state(folder) == before and len(before) == 1  # nothing written, nothing left over


def test_the_cache_key_covers_the_file_contents_the_crop_and_the_size(tmp_path):
    path = _photo(tmp_path / "photo.jpg", (900, 600))
    cache = ImageCache(tmp_path / "cache")
    first = cache.prepared(path, None, (300, 200))
    assert cache.prepared(path, (0.1, 0, 0, 0), (300, 200)) != first
    assert cache.prepared(path, None, (150, 100)) != first
    _photo(path, (900, 600))  # new pixels under the same name
    assert cache.prepared(path, None, (300, 200)) != first
    assert len(list((tmp_path / "cache").iterdir())) == 4


def test_the_same_picture_under_two_names_is_stored_once(tmp_path):
    path = _photo(tmp_path / "a.jpg")
    copy = tmp_path / "b.jpg"
    copy.write_bytes(path.read_bytes())
    cache = ImageCache(tmp_path / "cache")
    assert cache.prepared(path, None, (300, 200)) == cache.prepared(copy, None, (300, 200))


def test_brightest_finds_the_light_part_under_a_region(tmp_path):
    img = Image.new("RGB", (400, 200), (0, 0, 0))
    img.paste((255, 255, 255), (200, 0, 400, 200))
    img.save(tmp_path / "half.png")
    assert brightest(thumbnail(tmp_path / "half.png"), None, (0.6, 0.0, 0.4, 1.0)) == "FFFFFF"
    assert brightest(thumbnail(tmp_path / "half.png"), None, (0.0, 0.0, 0.4, 1.0)) == "000000"
    assert brightest(thumbnail(tmp_path / "half.png"), (0.5, 0.0, 0.0, 0.0), (0.0, 0.0, 0.2, 1.0)) == "FFFFFF"


def test_brightest_of_an_empty_region_at_the_edge_still_answers(tmp_path):
    make_image(tmp_path / "flat.png", color=(10, 20, 30))
    assert brightest(thumbnail(tmp_path / "flat.png"), None, (1.0, 1.0, 0.0, 0.0)) == "0A141E"

"""Deck-level licence rules, through deckbuilder.api.build on small decks, and on the real sample decks."""
from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from pptx import Presentation

from deckbuilder.api import Options, build_one
from deckbuilder.assets.register import load_register
from deckbuilder.errors import Diagnostics, Loc
from deckbuilder.layout.ir import Picture, TextBox

from .conftest import ROOT, entry_yaml, make_image

ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
FILE_LIKE = re.compile(r"\.(png|jpe?g|gif|svg|webp|tiff?|bmp)$", re.IGNORECASE)


def image_slide(key: str, extra: str = "") -> str:
    return f"- id: pic\n  layout: image\n  image: {key}\n" + "".join(f"  {line}\n" for line in extra.splitlines())


def pictures(result) -> list[Picture]:
    return [s for slide in result.plan.slides for s in slide.shapes if isinstance(s, Picture)]


def codes(result) -> list[str]:
    return [d.code for d in result.diagnostics]


# NonCommercial ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("use", ["fundraising", "commercial"])
def test_noncommercial_images_are_refused_in_decks_that_seek_money(project, built, one, use):
    result = built(project(image_slide("cc-nc"), use=use))
    assert not result.ok and result.data is None
    refused = one(list(result.diagnostics), "noncommercial")
    assert refused.where == Loc("deck.yaml", 7, 12)  # the slide's `image: cc-nc`
    assert refused.message == (f"slide 'pic': image 'cc-nc' is CC BY-NC 4.0, which does not allow commercial use, "
                               f"and this deck's use is '{use}'")
    assert "commercial: true" in refused.hint


@pytest.mark.parametrize("use", ["fundraising", "commercial"])
def test_a_recorded_commercial_permission_allows_a_noncommercial_image(project, built, use):
    result = built(project(image_slide("cc-nc-ok"), use=use))
    assert result.ok, [str(d) for d in result.diagnostics]
    assert [p.name for p in pictures(result)] == ["Picture cc-nc-ok"]


@pytest.mark.parametrize("use", ["public", "internal"])
def test_noncommercial_images_are_fine_in_decks_that_do_not_seek_money(project, built, use):
    result = built(project(image_slide("cc-nc"), use=use))
    assert result.ok and list(result.diagnostics) == []


def test_a_permission_that_does_not_say_commercial_is_refused_in_fundraising(project, built, one):
    register = entry_yaml("lent", "licence: LicenseRef-Permission\n  permission: {granted_by: Jane Doe, "
                                  "evidence: letter of 2024-02-01}")
    result = built(project(image_slide("lent"), use="fundraising", register=register))
    assert "is used with permission, which does not allow commercial use" in one(
        list(result.diagnostics), "noncommercial").message


# NoDerivatives ------------------------------------------------------------------------------------------------------

def test_a_noderivatives_image_is_shown_whole_never_cropped(project, built):
    result = built(project(image_slide("cc-nd")))
    assert result.ok, [str(d) for d in result.diagnostics]
    (picture,) = pictures(result)
    assert picture.crop is None
    assert picture.box.w / picture.box.h == pytest.approx(300 / 200, rel=0.01)  # the whole 3:2 image
    (credit,) = result.plan.credits
    assert "cropped" not in credit.text


def test_the_same_slide_crops_an_image_whose_licence_allows_it_and_says_so(project, built):
    result = built(project(image_slide("cc-by")))
    (picture,) = pictures(result)
    assert picture.crop is not None and max(picture.crop) > 0.01
    assert result.plan.credits[0].text == "“Field cc-by” by Jane Doe, cropped, is licensed under CC BY 4.0"


def test_an_explicit_cover_fit_on_a_noderivatives_image_is_refused_with_the_reason(project, built, one):
    result = built(project(image_slide("{asset: cc-nd, fit: cover}")))
    refused = one(list(result.diagnostics), "no-derivatives")
    assert refused.message == ("slide 'pic': image 'cc-nd' is CC BY-ND 4.0, which does not allow changes, so it "
                               "cannot be cropped with fit: cover")
    assert refused.where.file == "deck.yaml" and refused.where.line == 7
    assert refused.hint == "use fit: contain (the whole image is shown)"


def test_an_explicit_contain_fit_on_a_noderivatives_image_is_fine(project, built):
    assert built(project(image_slide("{asset: cc-nd, fit: contain}"))).ok


def test_text_over_a_noderivatives_image_is_refused_with_the_reason(project, built, one):
    result = built(project(image_slide("cc-nd", "text: A story of hope")))
    refused = one(list(result.diagnostics), "no-derivatives")
    assert "does not allow changes, so text cannot be put over it" in refused.message
    assert refused.where == Loc("deck.yaml", 8, 11) and "caption" in refused.hint
    assert result.data is None


def test_a_caption_below_a_noderivatives_image_is_fine(project, built):
    assert built(project(image_slide("cc-nd", "caption: A story of hope"))).ok


def test_text_over_an_image_whose_licence_allows_changes_is_fine(project, built):
    assert built(project(image_slide("cc-sa", "text: A story of hope"))).ok


def test_a_permission_without_modify_is_treated_like_noderivatives(project, built, one):
    register = entry_yaml("lent", "licence: LicenseRef-Permission\n  permission: {granted_by: Jane Doe, "
                                  "evidence: letter of 2024-02-01}")
    result = built(project(image_slide("lent"), register=register))
    assert result.ok and pictures(result)[0].crop is None
    refused = built(project(image_slide("{asset: lent, fit: cover}"), register=register))
    assert "is used with permission, which does not allow changes" in one(
        list(refused.diagnostics), "no-derivatives").message


# ShareAlike, unknown authors, register errors ----------------------------------------------------------------------

def _credits_slide_text(result) -> str:
    slide = next(s for s in result.plan.slides if s.layout == "credits")
    return "\n".join(p.text for shape in slide.shapes if isinstance(shape, TextBox) for p in shape.paras)


def test_share_alike_is_noted_on_the_credits_slide(project, built):
    result = built(project(image_slide("cc-sa")))
    text = _credits_slide_text(result)
    assert "“Field cc-sa” by Jane Doe, cropped, is licensed under CC BY-SA 4.0" in text
    assert "ShareAlike: adaptations of this image must be shared under CC BY-SA 4.0 or a compatible licence" in text


def test_unknown_author_is_reported_but_allowed(project, built, one):
    result = built(project(image_slide("unknown")))
    assert result.ok
    warning = one(list(result.diagnostics), "unknown-author")
    assert (warning.severity, warning.where.file, warning.where.line) == ("warning", "assets/images.yaml", 43)
    assert "check the source" in warning.hint


def test_a_cc_image_without_a_source_stops_the_build(project, built, one):
    register = "pic:\n  file: photos/field.jpg\n  alt: An orange field\n  author: Jane Doe\n  licence: CC-BY-4.0\n"
    result = built(project(image_slide("pic"), register=register))
    assert not result.ok and result.data is None
    assert one(list(result.diagnostics), "missing-source").where == Loc("assets/images.yaml", 1, 1)


def test_an_expired_permission_stops_the_build(project, built, one):
    register = entry_yaml("lent", "licence: LicenseRef-Permission\n  permission: {granted_by: Jane Doe, "
                                  "evidence: letter, expires: 2020-12-31}")
    result = built(project(image_slide("lent"), register=register))
    assert not result.ok
    assert one(list(result.diagnostics), "permission-expired").where.line == 8


def test_an_image_whose_entry_has_an_error_is_not_also_called_unknown(project, built):
    register = entry_yaml("pic", "licence: CC-BY-QQ-4.0")
    result = built(project(image_slide("pic"), register=register))
    assert codes(result) == ["unknown-licence"]


def test_an_unknown_key_is_reported_at_the_slide_with_a_suggestion(project, built, one):
    result = built(project(image_slide("cc-bx")))
    unknown = one(list(result.diagnostics), "unknown-image")
    assert unknown.where.file == "deck.yaml" and "did you mean" in unknown.hint


def test_a_bad_image_file_is_reported_at_its_register_entry(project, built, one, write):
    outline = project(image_slide("cc-by"))
    write("assets/photos/field.jpg", "not a picture\n")
    bad = one(list(built(outline).diagnostics), "bad-image")
    assert bad.where == Loc("assets/images.yaml", 2, 9)
    assert "field.jpg is not an image Pillow can read" in bad.message


def test_an_image_outside_the_project_is_refused_even_through_a_symlink(project, built, one, tmp_path):
    outline = project(image_slide("cc-by"))
    elsewhere = make_image(tmp_path.parent / f"{tmp_path.name}-elsewhere" / "secret.jpg")
    link = tmp_path / "assets" / "photos" / "field.jpg"
    link.unlink()
    os.symlink(elsewhere, link)
    assert "is outside the project" in one(list(built(outline).diagnostics), "outside-project").message


def test_a_decorative_image_is_marked_decorative_in_the_pptx(project, built):
    register = ("flourish:\n  file: photos/field.jpg\n  decorative: true\n  licence: LicenseRef-Own\n")
    result = built(project(image_slide("flourish"), register=register))
    assert result.ok, [str(d) for d in result.diagnostics]
    (described,) = _descriptions(result.data)
    assert described == (None, True)


# The real sample decks -----------------------------------------------------------------------------------------------

def _descriptions(pptx: bytes) -> list[tuple[str | None, bool]]:
    """(descr, decorative) of every picture in a .pptx."""
    out = []
    for slide in Presentation(io.BytesIO(pptx)).slides:
        for shape in slide.shapes:
            if shape.shape_type == 13:  # MSO_SHAPE_TYPE.PICTURE
                c_nv_pr = shape._element.xpath("./p:nvPicPr/p:cNvPr")[0]
                decorative = bool(c_nv_pr.xpath(f".//*[namespace-uri()='{ADEC}' and local-name()='decorative']"))
                out.append((c_nv_pr.get("descr"), decorative))
    return out


@pytest.fixture(scope="module")
def funders(measurer, tmp_path_factory):
    out = tmp_path_factory.mktemp("funders")
    result = build_one(ROOT / "decks" / "story-of-hope" / "funders.yaml", Options(out=out, write=False), measurer)
    assert result.ok, [str(d) for d in result.diagnostics]
    return result


@pytest.fixture(scope="module")
def sample_register():
    return load_register(ROOT / "assets" / "images.yaml", Diagnostics())


def _placed_keys(result, register) -> list[str]:
    by_path = {entry.path.resolve(): key for key, entry in register.items()}
    return [by_path[Path(p.image).resolve()] for p in pictures(result)]


def test_the_funders_deck_credits_exactly_the_images_it_places(funders, sample_register):
    placed = _placed_keys(funders, sample_register)
    credited = [credit.key for credit in funders.plan.credits]
    assert sorted(set(placed)) == sorted(credited) and len(credited) == len(set(credited))
    text = _credits_slide_text(funders)
    for credit in funders.plan.credits:
        assert credit.text in text


def test_the_funders_deck_uses_no_noncommercial_image(funders, sample_register):
    assert funders.deck.deck["use"] == "fundraising"
    placed = set(_placed_keys(funders, sample_register))
    assert placed and all(sample_register[key].licence.commercial for key in placed)
    assert "held-hands" not in placed  # the register's CC BY-NC photo


def test_every_picture_in_the_built_funders_deck_is_described_by_its_alt_text(funders, sample_register):
    alts = {entry.get("alt") for entry in sample_register.values() if not entry.get("decorative")}
    described = _descriptions(funders.data)
    assert len(described) == len(pictures(funders))
    for descr, decorative in described:
        assert (descr in alts and not decorative) or (decorative and not descr), (descr, decorative)
        assert descr is None or not FILE_LIKE.search(descr)


def test_the_story_used_in_public_may_use_the_noncommercial_photo(measurer, tmp_path):
    """The same story for a public audience keeps held-hands (CC BY-NC): the rule is about the deck's use."""
    result = build_one(ROOT / "decks" / "story-of-hope" / "commissioners.yaml", Options(out=tmp_path, write=False),
                       measurer)
    assert "noncommercial" not in codes(result)


def test_a_bare_assets_folder_next_to_an_outline_does_not_fence_off_the_project(project, built, write):
    """The project root is the nearest folder with a register (or .git, pyproject.toml): a deck folder's own
    assets/ of notes (or tests/assets/) must not make the real register look outside the project."""
    project(image_slide("cc-by"))
    write("decks/board/assets/notes.txt", "speaker notes, not images\n")
    outline = write("decks/board/deck.yaml", "deck:\n  title: Board\nslides:\n" + "  " + image_slide("cc-by")
                    .replace("\n", "\n  ").rstrip() + "\n")
    result = built(outline)
    assert result.ok, [str(d) for d in result.diagnostics]


def test_text_over_a_cc_image_is_noted_as_a_change_in_its_credit(project, built):
    result = built(project(image_slide("cc-by", "text: A story of hope")))
    assert result.ok
    assert "overlay" in result.plan.credits[0].text

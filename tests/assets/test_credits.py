"""Credit lines: Creative Commons' TASL form (title, author, source, licence) and its variants."""
from __future__ import annotations

import pytest

from deckbuilder.assets.credits import Credit, credit_for

SOURCE = "https://example.org/photo/123"
JANE = "https://example.org/~jane"


@pytest.fixture
def credit(register_diags):
    """credit(fields, changes=()) loads a one-entry register with `fields` and credits it."""

    def _credit(fields: str, changes: tuple[str, ...] = ()) -> Credit:
        text = "joy:\n  file: photos/joy.jpg\n  alt: A toddler smiling upwards\n" + \
            "".join(f"  {line}\n" for line in fields.strip().splitlines())
        entries, diags = register_diags(text)
        assert not [d for d in diags if d.severity == "error"], diags
        return credit_for(entries["joy"], changes)

    return _credit


FULL = f"title: Joy\nauthor: Jane Doe\nauthor_url: {JANE}\nsource: {SOURCE}\n"


def test_cc_4_links_title_to_the_source_author_to_their_page_and_licence_to_its_deed(credit):
    got = credit(FULL + "licence: CC-BY-NC-4.0")
    assert got.segments == (
        ("“Joy”", SOURCE), (" by ", None), ("Jane Doe", JANE), (" is licensed under ", None),
        ("CC BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/"))
    assert got.text == "“Joy” by Jane Doe is licensed under CC BY-NC 4.0"
    assert got.key == "joy" and got.notes == ()


def test_without_a_title_the_photo_itself_links_to_the_source(credit):
    got = credit(f"author: Jane Doe\nsource: {SOURCE}\nlicence: CC-BY-4.0")
    assert got.segments[0] == ("This photo", SOURCE)
    assert got.text == "This photo by Jane Doe is licensed under CC BY 4.0"


def test_an_author_without_a_page_is_not_linked(credit):
    got = credit(f"title: Joy\nauthor: Jane Doe\nsource: {SOURCE}\nlicence: CC-BY-4.0")
    assert ("Jane Doe", None) in got.segments


def test_a_crop_is_marked_between_author_and_licence(credit):
    got = credit(FULL + "licence: CC-BY-4.0", ("cropped",))
    assert got.text == "“Joy” by Jane Doe, cropped, is licensed under CC BY 4.0"


def test_earlier_modifications_are_carried_forward_after_ours(credit):
    got = credit(FULL + "licence: CC-BY-4.0\nmodifications: colour-corrected by the archive", ("cropped",))
    assert got.text == "“Joy” by Jane Doe, cropped, colour-corrected by the archive, is licensed under CC BY 4.0"


def test_a_copyright_notice_is_kept_word_for_word(credit):
    got = credit(FULL + "licence: CC-BY-4.0\ncopyright: © 2020 Jane Doe. Some rights reserved.")
    assert got.text == "“Joy” by Jane Doe (© 2020 Jane Doe. Some rights reserved.) is licensed under CC BY 4.0"


def test_copyright_and_crop_together(credit):
    got = credit(FULL + "licence: CC-BY-SA-4.0\ncopyright: © 2020 Jane Doe", ("cropped",))
    assert got.text == "“Joy” by Jane Doe (© 2020 Jane Doe), cropped, is licensed under CC BY-SA 4.0"


@pytest.mark.parametrize("spdx, short, deed", [
    ("CC-BY-2.0", "CC BY 2.0", "https://creativecommons.org/licenses/by/2.0/"),
    ("CC-BY-SA-3.0", "CC BY-SA 3.0", "https://creativecommons.org/licenses/by-sa/3.0/"),
    ("CC-BY-NC-ND-3.0", "CC BY-NC-ND 3.0", "https://creativecommons.org/licenses/by-nc-nd/3.0/"),
    ("CC-BY-NC-SA-2.0", "CC BY-NC-SA 2.0", "https://creativecommons.org/licenses/by-nc-sa/2.0/"),
])
def test_older_versions_name_their_version_and_link_their_own_deed(credit, spdx, short, deed):
    got = credit(FULL + f"licence: {spdx}")
    assert got.segments[-1] == (short, deed)
    assert got.text == f"“Joy” by Jane Doe is licensed under {short}"


def test_cc0_gets_a_courtesy_credit_saying_it_is_public_domain(credit):
    got = credit(FULL + "licence: CC0-1.0")
    assert got.text == "“Joy” by Jane Doe is dedicated to the public domain (CC0 1.0)"
    assert ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/") in got.segments
    assert got.notes == ("courtesy credit: no attribution is required",)


def test_cc0_without_author_or_title_still_reads_as_a_sentence(credit):
    got = credit("licence: CC0-1.0", ("cropped",))
    assert got.text == "This photo, cropped, is dedicated to the public domain (CC0 1.0)"


def test_the_public_domain_mark_is_named_and_linked(credit):
    got = credit(FULL + "licence: CC-PDM-1.0")
    assert got.text == "“Joy” by Jane Doe is marked with the Public Domain Mark 1.0"
    assert got.segments[-1] == ("Public Domain Mark 1.0", "https://creativecommons.org/publicdomain/mark/1.0/")
    assert "courtesy credit: no attribution is required" in got.notes


GRANT = "permission: {granted_by: Jane Doe, evidence: e-mail of 2024-01-05%s}"


def test_permission_without_an_exact_credit_says_used_with_permission(credit):
    got = credit(FULL + "licence: LicenseRef-Permission\n" + GRANT % "")
    assert got.text == "“Joy” by Jane Doe. Used with permission"


def test_permission_with_a_copyright_notice_and_a_crop_reads_cleanly(credit):
    got = credit(FULL + "licence: LicenseRef-Permission\ncopyright: © 2021 Jane Doe\n" + GRANT % ", modify: true",
                 ("cropped",))
    assert got.text == "“Joy” by Jane Doe (© 2021 Jane Doe), cropped. Used with permission"


def test_permission_with_an_exact_credit_uses_it_verbatim(credit):
    got = credit(FULL + "licence: LicenseRef-Permission\n" + GRANT % ", credit: 'Photo: Jane Doe / Example Trust'",
                 ("cropped",))
    assert got.segments == (("Photo: Jane Doe / Example Trust", None),)


def test_own_work_is_credited_as_such(credit):
    assert credit("title: Our logo\nauthor: The comms team\nlicence: LicenseRef-Own").text == \
        "“Our logo” by The comms team (own work)"
    assert credit("title: Our logo\nlicence: LicenseRef-Own", ("cropped",)).text == "“Our logo”, cropped (own work)"


@pytest.mark.parametrize("spdx", ["CC-BY-SA-4.0", "CC-BY-NC-SA-3.0", "CC-BY-SA-2.0"])
def test_share_alike_images_carry_a_note_for_the_credits_slide(credit, spdx):
    got = credit(FULL + f"licence: {spdx}")
    short = got.segments[-1][0]
    assert got.notes == (f"ShareAlike: adaptations of this image must be shared under {short} or a compatible "
                         "licence",)


def test_a_source_that_is_not_an_address_is_not_linked_but_noted(credit):
    got = credit("title: Joy\nauthor: Jane Doe\nsource: the Example Trust archive, box 4\nlicence: CC-BY-4.0")
    assert got.segments[0] == ("“Joy”", None)
    assert got.notes == ("source: the Example Trust archive, box 4",)


def test_unknown_author_is_printed_as_given(credit):
    got = credit(f"author: Unknown Author\nsource: {SOURCE}\nlicence: CC-BY-SA-4.0")
    assert got.text == "This photo by Unknown Author is licensed under CC BY-SA 4.0"

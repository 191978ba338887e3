"""The licence rule table and reading loose licence strings (PowerPoint's, CC's long names, deed addresses)."""
from __future__ import annotations

import pytest

from deckbuilder.assets.licences import LICENCES, known_ids, normalise

ELEMENTS = ["BY", "BY-SA", "BY-NC", "BY-ND", "BY-NC-SA", "BY-NC-ND"]


@pytest.mark.parametrize("version", ["2.0", "3.0", "4.0"])
@pytest.mark.parametrize("elements", ELEMENTS)
def test_every_cc_licence_has_its_rules_and_deed(elements, version):
    lic = LICENCES[f"CC-{elements}-{version}"]
    assert lic.short == f"CC {elements} {version}"
    assert lic.url == f"https://creativecommons.org/licenses/{elements.lower()}/{version}/"
    assert lic.commercial is ("NC" not in elements)
    assert lic.derivatives is ("ND" not in elements)
    assert lic.share_alike is ("SA" in elements)
    assert lic.attribution and lic.is_cc and lic.version == version


def test_public_domain_tools_ask_no_attribution_and_allow_everything():
    for spdx, url in [("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
                      ("CC-PDM-1.0", "https://creativecommons.org/publicdomain/mark/1.0/")]:
        lic = LICENCES[spdx]
        assert (lic.url, lic.kind, lic.attribution) == (url, "public-domain", False)
        assert lic.commercial and lic.derivatives and not lic.share_alike


def test_permission_defaults_to_no_commercial_use_and_no_changes():
    lic = LICENCES["LicenseRef-Permission"]
    assert (lic.kind, lic.attribution, lic.commercial, lic.derivatives, lic.url) == (
        "permission", True, False, False, None)


def test_own_work_allows_everything_without_attribution():
    lic = LICENCES["LicenseRef-Own"]
    assert (lic.kind, lic.attribution, lic.commercial, lic.derivatives) == ("own", False, True, True)


def test_known_ids_are_the_spdx_ids_of_the_table():
    assert known_ids() == sorted(LICENCES)
    assert len(known_ids()) == 6 * 3 + 4


@pytest.mark.parametrize("spdx", sorted(LICENCES))
def test_an_exact_id_reads_without_a_note(spdx):
    assert normalise(spdx) == (LICENCES[spdx], "")


@pytest.mark.parametrize("text, spdx", [
    # PowerPoint's "This Photo by Unknown Author is licensed under ..." strings, some not valid CC names
    ("CC BY-NC", "CC-BY-NC-4.0"),
    ("CC BYNC-ND", "CC-BY-NC-ND-4.0"),
    ("CC BY-SA-NC", "CC-BY-NC-SA-4.0"),
    ("CC BY", "CC-BY-4.0"),
    ("CC BY-SA", "CC-BY-SA-4.0"),
    ("cc by nc sa 4.0", "CC-BY-NC-SA-4.0"),
    ("cc by-sa 3.0", "CC-BY-SA-3.0"),
    ("CC BY-NC-ND 2.0", "CC-BY-NC-ND-2.0"),
    ("CC BY 4", "CC-BY-4.0"),
    ("cc-by-nc-4.0", "CC-BY-NC-4.0"),
    ("Attribution-NonCommercial 4.0 International", "CC-BY-NC-4.0"),
    ("Attribution-NoDerivs 3.0 Unported", "CC-BY-ND-3.0"),
    ("Attribution-ShareAlike 2.0 Generic", "CC-BY-SA-2.0"),
    ("Creative Commons Attribution-ShareAlike 4.0 International License", "CC-BY-SA-4.0"),
    ("Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International Public License",
     "CC-BY-NC-ND-4.0"),
    ("cc0", "CC0-1.0"),
    ("CC0 1.0", "CC0-1.0"),
    ("Public Domain Mark 1.0", "CC-PDM-1.0"),
    ("lICENSEREF-own", "LicenseRef-Own"),
])
def test_loose_strings_are_read_with_a_note(text, spdx):
    lic, note = normalise(text)
    assert lic is LICENCES[spdx]
    assert note.startswith(f"'{text}' read as {spdx}")


@pytest.mark.parametrize("text", ["CC BY-NC", "CC BYNC-ND", "CC BY-SA-NC", "Creative Commons Attribution"])
def test_a_missing_version_is_assumed_4_and_the_note_says_so(text):
    assert "no version was given: 4.0 assumed" in normalise(text)[1]


@pytest.mark.parametrize("text", ["cc by-sa 3.0", "Attribution-NonCommercial 4.0 International", "CC-BY-4.0"])
def test_a_given_version_is_not_called_assumed(text):
    assert "assumed" not in normalise(text)[1]


@pytest.mark.parametrize("url, spdx", [
    ("https://creativecommons.org/licenses/by-nc/4.0/", "CC-BY-NC-4.0"),
    ("http://creativecommons.org/licenses/by-sa/3.0/", "CC-BY-SA-3.0"),
    ("https://creativecommons.org/licenses/by/4.0/legalcode", "CC-BY-4.0"),
    ("https://creativecommons.org/licenses/by-nd/4.0/deed.en", "CC-BY-ND-4.0"),
    ("creativecommons.org/licenses/by-nc-nd/2.0", "CC-BY-NC-ND-2.0"),
    ("https://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0"),
    ("https://creativecommons.org/publicdomain/mark/1.0/", "CC-PDM-1.0"),
])
def test_deed_and_legal_code_addresses_are_read(url, spdx):
    lic, note = normalise(url)
    assert lic is LICENCES[spdx] and note == f"'{url}' read as {spdx}"


def test_a_jurisdiction_port_is_read_as_the_unported_licence_and_the_note_names_the_port():
    lic, note = normalise("http://creativecommons.org/licenses/by-sa/3.0/au/")
    assert lic is LICENCES["CC-BY-SA-3.0"]
    assert "'au' port" in note


@pytest.mark.parametrize("text", [
    "", "NOASSERTION", "All rights reserved", "CC", "BY-NC",  # no licence, or not said to be CC
    "CC BY-ND-SA", "CC BY-NC-ND-SA 4.0",  # NoDerivatives and ShareAlike cannot be combined
    "CC NC", "CC BY 2.5", "CC BY 5.0", "CC BY-XX",  # not a CC licence, or a version the table lacks
    "https://creativecommons.org/about/", "https://creativecommons.org/licenses/by-nd-sa/4.0/",
    "Unknown Author",
])
def test_what_is_not_a_known_licence_is_refused(text):
    assert normalise(text) == (None, "")

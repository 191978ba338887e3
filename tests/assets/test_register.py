"""The image register: every check it makes, each reported with its file and line, all in one run."""
from __future__ import annotations

import datetime as dt

import pytest

from deckbuilder.assets.licences import LICENCES
from deckbuilder.errors import Loc

from .conftest import TODAY

GOOD = """\
# Our photos
child-joy:
  file: photos/child-joy.jpg
  alt: A toddler with curly hair smiling upwards while being held
  title: Joy
  author: Jane Doe
  author_url: https://example.org/~jane
  source: https://example.org/photo/123
  licence: CC-BY-NC-4.0
  focus: [0.5, 0.3]
logo:
  file: logos/logo.png
  decorative: true
  licence: LicenseRef-Own
"""


def test_a_good_register_loads_without_diagnostics(register_diags, tmp_path):
    entries, diags = register_diags(GOOD)
    assert diags == []
    joy, logo = entries["child-joy"], entries["logo"]
    assert joy.licence is LICENCES["CC-BY-NC-4.0"] and joy.focus == (0.5, 0.3)
    assert joy.path == tmp_path / "assets" / "photos" / "child-joy.jpg"
    assert joy.loc == Loc("assets/images.yaml", 3, 3)
    assert not joy.may_use_commercially and joy.may_modify
    assert logo.focus == (0.5, 0.5) and logo.licence.kind == "own"


def _entry(fields: str, key: str = "pic") -> str:
    return f"{key}:\n  file: photos/pic.jpg\n" + "".join(f"  {line}\n" for line in fields.strip().splitlines())


CC = "author: Jane Doe\nsource: https://example.org/p\n"
ALT = "alt: An orange field under a pale sky\n"


@pytest.mark.parametrize("fields, code, line, col, severity", [
    # licence
    (ALT + CC + "licence: CC-BY-QQ-4.0", "unknown-licence", 6, 12, "error"),
    (ALT + CC + "licence: NOASSERTION", "unknown-licence", 6, 12, "error"),
    (ALT + CC + "licence: CC BY-NC", "licence-normalised", 6, 12, "warning"),
    # credit facts
    (ALT + "author: Jane Doe\nlicence: CC-BY-4.0", "missing-source", 1, 1, "error"),
    (ALT + "source: https://example.org/p\nlicence: CC-BY-SA-3.0", "missing-author", 1, 1, "error"),
    (ALT + "author: Jane Doe\nlicence: LicenseRef-Permission", "missing-permission", 1, 1, "error"),
    (ALT + "author: Jane Doe\nlicence: LicenseRef-Permission\n"
     "permission: {granted_by: Jane Doe, evidence: letter.pdf, expires: 2024-05-31}",
     "permission-expired", 6, 69, "error"),
    # alt text
    (CC + "licence: CC-BY-4.0", "missing-alt", 1, 1, "error"),
    ("alt: IMG_0042.JPG\n" + CC + "licence: CC-BY-4.0", "bad-alt", 3, 8, "error"),
    ("alt: child joy.png\n" + CC + "licence: CC-BY-4.0", "bad-alt", 3, 8, "error"),
    ("alt: image\n" + CC + "licence: CC-BY-4.0", "bad-alt", 3, 8, "error"),
    ("alt: Photo\n" + CC + "licence: CC-BY-4.0", "bad-alt", 3, 8, "error"),
    ("alt: pic\n" + CC + "licence: CC-BY-4.0", "bad-alt", 3, 8, "error"),  # the key
    ("alt: alt text\n" + CC + "licence: CC-BY-4.0", "bad-alt", 3, 8, "error"),
    ("alt: " + "A long description of the field. " * 9 + "\n" + CC + "licence: CC-BY-4.0", "long-alt", 3, 8,
     "warning"),
    ("alt: Image of an orange field\n" + CC + "licence: CC-BY-4.0", "alt-prefix", 3, 8, "warning"),
    ("alt: A photograph of an orange field\n" + CC + "licence: CC-BY-4.0", "alt-prefix", 3, 8, "warning"),
    ("decorative: true\n" + ALT + CC + "licence: CC-BY-4.0", "decorative-with-alt", 4, 8, "error"),
    # unfinished entries, as `deckbuilder assets add` leaves them
    (ALT + "author: TODO\nsource: https://example.org/p\nlicence: CC-BY-4.0", "todo", 4, 11, "error"),
    ("alt: 'TODO: describe it'\n" + CC + "licence: CC-BY-4.0", "todo", 3, 8, "error"),
    (ALT + CC + "licence: TODO", "todo", 6, 12, "error"),
    (ALT + CC + "licence: LicenseRef-Permission\npermission:\n  granted_by: Jane Doe\n  evidence: TODO", "todo",
     9, 15, "error"),
    # the schema
    (ALT + CC, "missing-field", 2, 3, "error"),
    (ALT + CC + "licence: CC-BY-4.0\nlicense: CC-BY-4.0", "unknown-field", 7, 3, "error"),
    (ALT + CC + "licence: CC-BY-4.0\nfocus: [0.5, 1.5]", "out-of-range", 7, 16, "error"),
    (ALT + CC + "licence: CC-BY-4.0\nauthor_url: example.org", "bad-format", 7, 15, "error"),
    (ALT + CC + "licence: LicenseRef-Permission\npermission: {granted_by: Jane}", "missing-field", 7, 15,
     "error"),
])
def test_each_problem_is_reported_with_its_code_file_and_line(register_diags, one, fields, code, line, col,
                                                             severity):
    _, diags = register_diags(_entry(fields))
    found = one(diags, code)
    assert (found.where, found.severity) == (Loc("assets/images.yaml", line, col), severity)
    assert found.hint, "every register diagnostic says how to fix it"
    assert found.path.startswith("pic")


def test_the_messages_say_what_is_wrong_and_how_to_fix_it(register_diags):
    _, diags = register_diags(_entry(ALT + "author: Jane Doe\nlicence: CC-BY-4.0"))
    (source,) = diags
    assert str(source) == ("assets/images.yaml:1:1: error[missing-source]: pic.source: image 'pic' is CC BY 4.0 "
                           "but has no source (hint: add source: the web address where the image was found)")


def test_a_normalised_licence_is_used_and_the_hint_gives_the_exact_id(register_diags, one):
    entries, diags = register_diags(_entry(ALT + CC + "licence: CC BY-SA-NC"))
    assert entries["pic"].licence is LICENCES["CC-BY-NC-SA-4.0"]
    warning = one(diags, "licence-normalised")
    assert "4.0 assumed" in warning.message and warning.hint == "write licence: CC-BY-NC-SA-4.0"


def test_an_unknown_licence_points_at_the_likeliest_id(register_diags, one):
    _, diags = register_diags(_entry(ALT + CC + "licence: CC-BY-QQ-4.0"))
    assert one(diags, "unknown-licence").hint.startswith("write licence: CC-BY-4.0 (")


def test_an_unknown_licence_with_no_likely_id_says_how_licences_are_written(register_diags, one):
    _, diags = register_diags(_entry(ALT + CC + "licence: GFDL"))
    assert "LicenseRef-Own for your own work" in one(diags, "unknown-licence").hint


def test_every_problem_of_the_file_is_reported_in_one_run(register_diags):
    text = _entry(CC + "licence: CC-BY-4.0", "a") + _entry(ALT + "licence: CC-BY-NC-4.0", "b") + \
        _entry("alt: IMG_1.jpg\n" + CC + "licence: whatever", "c")
    _, diags = register_diags(text)
    assert sorted((d.path, d.code) for d in diags) == [
        ("a.alt", "missing-alt"), ("b.author", "missing-author"), ("b.source", "missing-source"),
        ("c.licence", "unknown-licence")]


def test_a_permission_valid_today_is_fine_and_an_expired_one_names_the_date(register_diags, one):
    grant = "permission: {granted_by: Jane Doe, evidence: letter.pdf, expires: %s}"
    base = ALT + "author: Jane Doe\nlicence: LicenseRef-Permission\n"
    assert register_diags(_entry(base + grant % TODAY.isoformat()))[1] == []
    _, diags = register_diags(_entry(base + grant % (TODAY - dt.timedelta(days=1)).isoformat()))
    assert "expired on 2024-05-31" in one(diags, "permission-expired").message


def test_an_exact_credit_from_the_rights_holder_stands_in_for_the_author(register_diags):
    grant = "permission: {granted_by: The Archive, evidence: contract 12, credit: Courtesy of The Archive}"
    entries, diags = register_diags(_entry(ALT + "licence: LicenseRef-Permission\n" + grant))
    assert diags == [] and entries["pic"].licence.kind == "permission"


@pytest.mark.parametrize("licence", ["CC0-1.0", "CC-PDM-1.0", "LicenseRef-Own"])
def test_public_domain_and_own_work_need_no_author_or_source(register_diags, licence):
    assert register_diags(_entry(ALT + f"licence: {licence}"))[1] == []


def test_a_decorative_image_needs_no_alt(register_diags):
    assert register_diags(_entry("decorative: true\n" + CC + "licence: CC-BY-4.0"))[1] == []


def test_long_alt_text_that_also_starts_with_image_of_gets_both_warnings(register_diags):
    alt = "alt: Image of " + "a field in summer with long grass, " * 8
    _, diags = register_diags(_entry(alt + "\n" + CC + "licence: CC-BY-4.0"))
    assert sorted(d.code for d in diags) == ["alt-prefix", "long-alt"]


def test_entries_with_errors_are_left_out_and_named_as_rejected(register_diags):
    text = _entry(ALT + CC + "licence: nonsense", "bad") + _entry(ALT + CC + "licence: CC-BY-4.0", "good") + \
        _entry(ALT + CC + "licence: CC-BY-4.0\nfocus: 3", "broken")
    entries, _ = register_diags(text)
    assert set(entries) == {"good"}
    assert entries.rejected == {"bad", "broken"}


@pytest.mark.parametrize("licence, permission, modify, commercial", [
    ("CC-BY-4.0", "", True, True),
    ("CC-BY-ND-4.0", "", False, True),
    ("CC-BY-NC-4.0", "", True, False),
    ("CC-BY-NC-ND-3.0", "", False, False),
    ("CC-BY-NC-4.0", "{granted_by: J, evidence: e, commercial: true}", True, True),
    ("CC-BY-ND-4.0", "{granted_by: J, evidence: e, modify: true}", True, True),
    ("LicenseRef-Permission", "{granted_by: J, evidence: e}", False, False),
    ("LicenseRef-Permission", "{granted_by: J, evidence: e, modify: true, commercial: true}", True, True),
])
def test_what_an_entry_may_be_used_for(register_diags, licence, permission, modify, commercial):
    grant = f"\npermission: {permission}" if permission else ""
    entries, diags = register_diags(_entry(ALT + CC + f"licence: {licence}{grant}"))
    assert diags == []
    assert (entries["pic"].may_modify, entries["pic"].may_use_commercially) == (modify, commercial)

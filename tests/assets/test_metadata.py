"""Starting a register entry from a file's EXIF, IPTC and XMP, and appending it to the register as YAML."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from deckbuilder.assets import embedded, metadata
from deckbuilder.assets.images import ImageProblem
from deckbuilder.assets.metadata import add_to_register, default_key, entry_from_file, entry_yaml, register_for, summary
from deckbuilder.assets.register import load_register
from deckbuilder.errors import Diagnostics, Loc

from .conftest import TODAY, with_iptc, xmp_packet

BY_NC = "https://creativecommons.org/licenses/by-nc/4.0/"

FULL_XMP = xmp_packet(
    "<dc:creator><rdf:Seq><rdf:li>Jane Doe</rdf:li></rdf:Seq></dc:creator>\n"
    "<dc:title><rdf:Alt><rdf:li xml:lang='fr'>Joie</rdf:li><rdf:li xml:lang='x-default'>Joy</rdf:li></rdf:Alt>"
    "</dc:title>\n"
    "<dc:rights><rdf:Alt><rdf:li xml:lang='x-default'>© 2020 Jane Doe</rdf:li></rdf:Alt></dc:rights>\n"
    "<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>A child at the seaside</rdf:li></rdf:Alt>"
    "</dc:description>\n"
    f"<cc:license rdf:resource='{BY_NC}'/>\n"
    "<Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang='x-default'>A toddler laughing on a "
    "sandy beach</rdf:li></rdf:Alt></Iptc4xmpCore:AltTextAccessibility>",
    attributes='xmpRights:WebStatement="https://example.org/photo/123" photoshop:Credit="Jane Doe / Example"',
)


def jpeg(path: Path, *, exif: dict | None = None, xmp: bytes | None = None, iptc: dict | None = None) -> Path:
    """A small JPEG carrying the given EXIF tags, XMP packet and IPTC datasets."""
    save: dict = {}
    if exif:
        tags = Image.Exif()
        tags.update(exif)
        save["exif"] = tags
    if xmp:
        save["xmp"] = xmp
    out = io.BytesIO()
    Image.new("RGB", (60, 40), (200, 120, 40)).save(out, "JPEG", **save)
    data = with_iptc(out.getvalue(), iptc) if iptc else out.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# Reading ----------------------------------------------------------------------------------------------------------

def test_xmp_gives_a_complete_entry(tmp_path):
    entry = entry_from_file(jpeg(tmp_path / "assets/photos/joy.jpg", xmp=FULL_XMP), tmp_path / "assets")
    assert dict(entry) == {
        "file": "photos/joy.jpg",
        "alt": "A toddler laughing on a sandy beach",
        "title": "Joy",
        "author": "Jane Doe",
        "source": "https://example.org/photo/123",
        "licence": "CC-BY-NC-4.0",
        "copyright": "© 2020 Jane Doe",
        "focus": [0.5, 0.5],
    }
    assert entry.found == {"alt": "XMP Iptc4xmpCore:AltTextAccessibility", "title": "XMP dc:title",
                           "author": "XMP dc:creator", "source": "XMP xmpRights:WebStatement",
                           "licence": "XMP cc:license", "copyright": "XMP dc:rights"}
    assert entry.notes == [] and entry.todo == []


def test_the_stdlib_parser_reads_the_same_when_defusedxml_is_missing(tmp_path, monkeypatch):
    path = jpeg(tmp_path / "joy.jpg", xmp=FULL_XMP)
    with_defused = entry_from_file(path, tmp_path)
    monkeypatch.setattr(embedded, "_safe_fromstring", None)
    assert entry_from_file(path, tmp_path) == with_defused


def test_exif_artist_copyright_and_description(tmp_path):
    path = jpeg(tmp_path / "joy.jpg", exif={0x013B: "Jane Doe", 0x8298: "(c) 2020 Jane Doe",
                                            0x010E: "Child at the seaside"})
    entry = entry_from_file(path, tmp_path)
    assert entry["author"] == "Jane Doe" and entry.found["author"] == "EXIF Artist"
    assert entry["copyright"] == "(c) 2020 Jane Doe" and entry.found["copyright"] == "EXIF Copyright"
    assert entry["alt"].startswith("TODO: describe what the picture shows")
    assert "the file's description reads 'Child at the seaside'" in entry["alt"]
    assert entry.todo == ["alt", "source", "licence"]


def test_a_camera_default_description_is_not_offered(tmp_path):
    entry = entry_from_file(jpeg(tmp_path / "a.jpg", exif={0x010E: "OLYMPUS DIGITAL CAMERA"}), tmp_path)
    assert "description" not in entry["alt"]


IPTC = {(1, 90): b"\x1b%G", (2, 5): "Joy", (2, 80): "Jane Doe", (2, 110): "Example Agency",
        (2, 116): "© 2021 Jane Doe", (2, 115): "Flickr", (2, 120): "A child at the seaside"}


def test_iptc_iim_by_line_title_copyright_source_and_caption(tmp_path):
    entry = entry_from_file(jpeg(tmp_path / "joy.jpg", iptc=IPTC), tmp_path)
    assert (entry["title"], entry["author"], entry["copyright"]) == ("Joy", "Jane Doe", "© 2021 Jane Doe")
    assert entry.found["author"] == "IPTC By-line" and entry.found["title"] == "IPTC Object Name"
    assert "the file names the source 'Flickr'" in entry["source"]  # a name, not an address: still to do
    assert "A child at the seaside" in entry["alt"]


def test_iptc_credit_stands_in_for_a_missing_creator(tmp_path):
    entry = entry_from_file(jpeg(tmp_path / "joy.jpg", iptc={(2, 110): "Example Agency"}), tmp_path)
    assert (entry["author"], entry.found["author"]) == ("Example Agency", "IPTC Credit")


def test_iptc_without_a_character_set_is_read_as_latin_1_when_it_is_not_utf_8(tmp_path):
    entry = entry_from_file(jpeg(tmp_path / "a.jpg", iptc={(2, 80): "Zoë Müller".encode("latin-1")}), tmp_path)
    assert entry["author"] == "Zoë Müller"


def test_repeated_iptc_by_lines_are_all_kept(tmp_path):
    path = tmp_path / "two.jpg"
    out = io.BytesIO()
    Image.new("RGB", (30, 20)).save(out, "JPEG")
    records = b"\x1c\x02\x50\x00\x03Ann" + b"\x1c\x02\x50\x00\x03Bob"
    payload = records + b"\0" * (len(records) % 2)
    resource = b"8BIM\x04\x04\0\0" + len(payload).to_bytes(4, "big") + payload
    body = b"Photoshop 3.0\0" + resource
    data = out.getvalue()
    path.write_bytes(data[:2] + b"\xff\xed" + (len(body) + 2).to_bytes(2, "big") + body + data[2:])
    assert entry_from_file(path, tmp_path)["author"] == "Ann, Bob"


def test_xmp_wins_over_iptc_which_wins_over_exif_and_disagreements_are_noted(tmp_path):
    path = jpeg(tmp_path / "joy.jpg", xmp=xmp_packet("<dc:creator><rdf:Seq><rdf:li>Jane Doe</rdf:li></rdf:Seq>"
                                                   "</dc:creator>"),
                iptc={(2, 80): "J. Doe", (2, 116): "© IPTC"}, exif={0x013B: "Camera Owner", 0x8298: "(c) EXIF"})
    entry = entry_from_file(path, tmp_path)
    assert (entry["author"], entry["copyright"]) == ("Jane Doe", "© IPTC")
    assert entry.notes == ["author: XMP dc:creator says 'Jane Doe' but IPTC By-line says 'J. Doe'",
                           "author: XMP dc:creator says 'Jane Doe' but EXIF Artist says 'Camera Owner'",
                           "copyright: IPTC Copyright Notice says '© IPTC' but EXIF Copyright says '(c) EXIF'"]


def test_attribute_form_and_credit_line_in_xmp(tmp_path):
    path = jpeg(tmp_path / "a.jpg", xmp=xmp_packet("", attributes='photoshop:Credit="Example Trust" '
                                                               f'cc:license="{BY_NC}"'))
    entry = entry_from_file(path, tmp_path)
    assert (entry["author"], entry.found["author"]) == ("Example Trust", "XMP photoshop:Credit")
    assert entry["licence"] == "CC-BY-NC-4.0"


def test_a_licence_address_in_the_web_statement_is_read_as_the_licence(tmp_path):
    path = jpeg(tmp_path / "a.jpg", xmp=xmp_packet(
        "<xmpRights:WebStatement>https://creativecommons.org/licenses/by-sa/3.0/</xmpRights:WebStatement>"))
    entry = entry_from_file(path, tmp_path)
    assert (entry["licence"], entry.found["licence"]) == ("CC-BY-SA-3.0", "XMP xmpRights:WebStatement")
    assert entry["source"].startswith("TODO: the web address")  # the statement was the licence, not the source


def test_a_loose_licence_string_is_normalised_with_a_note(tmp_path):
    path = jpeg(tmp_path / "a.jpg", xmp=xmp_packet("<cc:license>CC BY-SA-NC</cc:license>"))
    entry = entry_from_file(path, tmp_path)
    assert entry["licence"] == "CC-BY-NC-SA-4.0" and entry.found["licence"] == "XMP cc:license 'CC BY-SA-NC'"
    assert entry.notes == ["licence: 'CC BY-SA-NC' read as CC-BY-NC-SA-4.0 (no version was given: 4.0 assumed; "
                           "check the source and write the exact id)"]


def test_an_unknown_licence_is_left_to_do_with_a_note(tmp_path):
    path = jpeg(tmp_path / "a.jpg", xmp=xmp_packet("<cc:license>All rights reserved</cc:license>"))
    entry = entry_from_file(path, tmp_path)
    assert entry["licence"].startswith("TODO: an SPDX id")
    assert entry.notes == ["licence: the file says 'All rights reserved' (XMP cc:license), which is not a "
                           "licence deckbuilder knows"]


def test_a_public_domain_image_needs_no_author_or_source(tmp_path):
    path = jpeg(tmp_path / "a.jpg", xmp=xmp_packet(
        "<cc:license rdf:resource='https://creativecommons.org/publicdomain/zero/1.0/'/>"))
    entry = entry_from_file(path, tmp_path)
    assert entry["licence"] == "CC0-1.0" and entry.todo == ["alt"]
    assert "author" not in entry and "source" not in entry


BOMB = ('<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')


@pytest.mark.parametrize("defused", [True, False])
def test_xmp_declaring_entities_is_refused_and_the_rest_is_still_read(tmp_path, monkeypatch, defused):
    if not defused:
        monkeypatch.setattr(embedded, "_safe_fromstring", None)
    packet = xmp_packet("<dc:creator><rdf:Seq><rdf:li>&c;</rdf:li></rdf:Seq></dc:creator>", prolog=BOMB)
    entry = entry_from_file(jpeg(tmp_path / "a.jpg", xmp=packet, exif={0x013B: "Jane Doe"}), tmp_path)
    assert entry["author"] == "Jane Doe" and entry.found["author"] == "EXIF Artist"
    assert entry.notes == ["the XMP metadata declares a DOCTYPE or entities, which deckbuilder refuses to read; "
                           "it was not read"]


def test_an_external_entity_is_never_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("password")
    packet = xmp_packet("<dc:creator>&x;</dc:creator>", prolog=f'<!DOCTYPE x [<!ENTITY x SYSTEM "file://{secret}">]>')
    entry = entry_from_file(jpeg(tmp_path / "a.jpg", xmp=packet), tmp_path)
    assert "password" not in str(dict(entry)) and "author" in entry.todo


def test_xmp_that_is_not_utf_8_is_not_read(tmp_path):
    packet = xmp_packet("<dc:creator>Jane</dc:creator>", prolog=BOMB).decode("utf-8").encode("utf-16")
    entry = entry_from_file(jpeg(tmp_path / "a.jpg", xmp=packet), tmp_path)
    assert entry.notes == ["the XMP metadata is not UTF-8 text; it was not read"] and "author" in entry.todo


def test_a_plain_deed_address_needs_no_note_but_a_port_does(tmp_path):
    plain = jpeg(tmp_path / "a.jpg", xmp=xmp_packet("<cc:license>http://creativecommons.org/licenses/by/3.0/"
                                                    "</cc:license>"))
    assert entry_from_file(plain, tmp_path).notes == []
    port = jpeg(tmp_path / "b.jpg", xmp=xmp_packet("<cc:license>http://creativecommons.org/licenses/by/3.0/nl/"
                                                   "</cc:license>"))
    entry = entry_from_file(port, tmp_path)
    assert entry["licence"] == "CC-BY-3.0" and "'nl' port" in entry.notes[0]


def test_malformed_xmp_is_noted_and_skipped(tmp_path):
    packet = xmp_packet("<dc:creator><rdf:Seq><rdf:li>Jane</rdf:Seq></dc:creator>")
    entry = entry_from_file(jpeg(tmp_path / "a.jpg", xmp=packet, iptc={(2, 80): "Jane Doe"}), tmp_path)
    assert entry["author"] == "Jane Doe"
    assert len(entry.notes) == 1 and entry.notes[0].startswith("the XMP metadata is not well-formed XML")


def test_a_png_with_xmp_and_exif(tmp_path):
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", FULL_XMP.decode("utf-8"))
    exif = Image.Exif()
    exif[0x013B] = "Jane Doe"
    Image.new("RGBA", (40, 40)).save(tmp_path / "logo.png", pnginfo=info, exif=exif)
    entry = entry_from_file(tmp_path / "logo.png", tmp_path)
    assert entry["alt"] == "A toddler laughing on a sandy beach" and entry["licence"] == "CC-BY-NC-4.0"


def test_a_file_without_metadata_gives_todos_for_what_a_credit_needs(tmp_path):
    entry = entry_from_file(jpeg(tmp_path / "plain.jpg"), tmp_path)
    assert entry == {"file": "plain.jpg", "alt": entry["alt"], "author": entry["author"], "source": entry["source"],
                     "licence": entry["licence"], "focus": [0.5, 0.5]}
    assert entry.todo == ["alt", "author", "source", "licence"] and entry.found == {}


def test_the_file_is_named_relative_to_the_register_folder(tmp_path):
    photo = jpeg(tmp_path / "shared" / "photo.jpg")
    assert entry_from_file(photo, tmp_path / "assets")["file"] == "../shared/photo.jpg"


def test_what_is_not_an_image_is_refused(tmp_path):
    (tmp_path / "notes.jpg").write_text("not a picture")
    with pytest.raises(ImageProblem):
        entry_from_file(tmp_path / "notes.jpg", tmp_path)


# Writing ----------------------------------------------------------------------------------------------------------

EXISTING = """\
# The image register.   (odd spacing and comments must survive)
hope-sunrise:
  file: photos/hope-sunrise.jpg   # relative to this file
  alt: The sun rising over soft hills.
  author: deckbuilder contributors
  source: made here
  licence: CC-BY-4.0
# trailing comment without a newline"""


def test_an_entry_is_appended_and_the_existing_text_is_kept_byte_for_byte(write, tmp_path):
    register = write("assets/images.yaml", EXISTING)
    photo = jpeg(tmp_path / "assets/photos/joy.jpg", xmp=FULL_XMP)
    entry = entry_from_file(photo, register.parent)
    add_to_register(register, "joy", entry)
    text = register.read_text(encoding="utf-8")
    assert text.startswith(EXISTING + "\n")
    assert text[len(EXISTING):] == (
        "\n\n"
        "joy:\n"
        "  file: photos/joy.jpg\n"
        "  alt: A toddler laughing on a sandy beach  # from the file's XMP Iptc4xmpCore:AltTextAccessibility\n"
        "  title: Joy  # from the file's XMP dc:title\n"
        "  author: Jane Doe  # from the file's XMP dc:creator\n"
        "  source: https://example.org/photo/123  # from the file's XMP xmpRights:WebStatement\n"
        "  licence: CC-BY-NC-4.0  # from the file's XMP cc:license\n"
        "  copyright: © 2020 Jane Doe  # from the file's XMP dc:rights\n"
        "  focus: [0.5, 0.5]\n")
    diags = Diagnostics()
    entries = load_register(register, diags, TODAY)
    assert list(diags) == [] and entries["joy"].licence.id == "CC-BY-NC-4.0"


def test_todos_are_written_with_a_comment_and_stop_the_register_until_filled_in(write, tmp_path):
    register = write("assets/images.yaml", EXISTING)
    entry = entry_from_file(jpeg(tmp_path / "assets/photos/plain.jpg", exif={0x013B: "Jane Doe"}), register.parent)
    add_to_register(register, "plain", entry)
    added = register.read_text(encoding="utf-8")[len(EXISTING) + 2:]
    assert added.splitlines() == [
        "plain:",
        "  file: photos/plain.jpg",
        "  alt: TODO  # describe what the picture shows in one sentence (or remove alt and write decorative: true)",
        "  author: Jane Doe  # from the file's EXIF Artist",
        "  source: TODO  # the web address where the image was found",
        "  licence: TODO  # an SPDX id such as CC-BY-4.0 (see the source page), or LicenseRef-Permission or "
        "LicenseRef-Own",
        "  focus: [0.5, 0.5]",
    ]
    diags = Diagnostics()
    load_register(register, diags, TODAY)
    assert [(d.code, d.path, d.where.line) for d in diags] == [
        ("todo", "plain.alt", 12), ("todo", "plain.source", 14), ("todo", "plain.licence", 15)]
    filled = register.read_text(encoding="utf-8").replace(
        "alt: TODO", "alt: A plain orange rectangle").replace(
        "source: TODO", "source: https://example.org/p").replace("licence: TODO", "licence: CC-BY-4.0")
    register.write_text(filled, encoding="utf-8")
    diags = Diagnostics()
    assert "plain" in load_register(register, diags, TODAY) and list(diags) == []


def test_an_existing_key_is_refused_and_the_file_left_alone(write, raised, one):
    register = write("assets/images.yaml", EXISTING)
    before = register.read_bytes()
    taken = one(raised(lambda: add_to_register(register, "hope-sunrise", {"file": "x.jpg"})), "image-exists")
    assert taken.where == Loc("assets/images.yaml", 2, 1)
    assert "--key hope-sunrise-2" in taken.hint
    assert register.read_bytes() == before


@pytest.mark.parametrize("key", ["", "-x", "has space", "a:b", "é"])
def test_a_key_the_register_cannot_hold_is_refused(write, raised, one, key):
    register = write("assets/images.yaml", EXISTING)
    assert one(raised(lambda: add_to_register(register, key, {"file": "x.jpg"})), "bad-name").path == "--key"


def test_a_register_that_does_not_load_is_not_appended_to(write, raised):
    register = write("assets/images.yaml", "a:\n  file: [unclosed\n")
    before = register.read_bytes()
    assert raised(lambda: add_to_register(register, "b", {"file": "x.jpg"}))
    assert register.read_bytes() == before


def test_a_new_register_is_created_with_a_header(tmp_path):
    register = tmp_path / "assets" / "images.yaml"
    add_to_register(register, "joy", {"file": "photos/joy.jpg", "licence": "LicenseRef-Own", "decorative": True})
    assert register.read_text(encoding="utf-8") == (
        metadata.HEADER + "\njoy:\n  file: photos/joy.jpg\n  licence: LicenseRef-Own\n  decorative: true\n")


def test_a_register_of_comments_only_is_appended_to(write):
    register = write("assets/images.yaml", "# images go here\n")
    add_to_register(register, "joy", {"file": "j.jpg", "alt": "A child", "licence": "CC0-1.0"})
    assert register.read_text(encoding="utf-8") == \
        "# images go here\n\njoy:\n  file: j.jpg\n  alt: A child\n  licence: CC0-1.0\n"


def test_windows_line_endings_are_kept(write):
    register = write("assets/images.yaml", "")
    register.write_bytes(b"# ours\r\na:\r\n  file: a.jpg\r\n  alt: A field\r\n  licence: CC0-1.0\r\n")
    add_to_register(register, "b", {"file": "b.jpg", "alt": "A tree", "licence": "CC0-1.0"})
    assert register.read_bytes().endswith(b"licence: CC0-1.0\r\n\r\nb:\r\n  file: b.jpg\r\n  alt: A tree\r\n"
                                          b"  licence: CC0-1.0\r\n")


def test_values_that_need_quotes_are_quoted_and_read_back_unchanged(write):
    register = write("assets/images.yaml", "")
    entry = {"file": "photos/a: b #1.jpg", "alt": "yes", "title": "'Quoted' – “curly” & more",
             "author": "null", "licence": "LicenseRef-Permission",
             "permission": {"granted_by": "The Trust", "evidence": "e-mail #42", "commercial": True}}
    add_to_register(register, "2024", entry)
    diags = Diagnostics()
    loaded = load_register(register, diags, TODAY)["2024"]
    assert [d.code for d in diags] == []
    assert {k: loaded.get(k) for k in ("file", "alt", "title", "author")} == \
        {k: entry[k] for k in ("file", "alt", "title", "author")}
    assert loaded.get("permission")["evidence"] == "e-mail #42" and loaded.may_use_commercially


def test_a_multi_line_value_reads_back_unchanged(write):
    register = write("assets/images.yaml", "")
    add_to_register(register, "a", {"file": "a.jpg", "alt": "A field", "licence": "CC0-1.0",
                                    "modifications": "cropped by the archive,\nthen recoloured"})
    loaded = load_register(register, Diagnostics(), TODAY)["a"]
    assert loaded.get("modifications") == "cropped by the archive,\nthen recoloured"


def test_entry_yaml_writes_todo_with_its_explanation_as_a_comment():
    assert entry_yaml("a", {"alt": "TODO: say what it shows", "source": "TODO"}) == \
        "a:\n  alt: TODO  # say what it shows\n  source: TODO  # the web address where the image was found\n"


# Helpers for the command ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, key", [("Child Joy (2).JPG", "child-joy-2"), ("IMG_0042.jpeg", "img-0042"),
                                       ("___.png", "image")])
def test_default_key(name, key):
    assert default_key(Path(name)) == key


def test_register_for_finds_the_nearest_register_above_the_image(write, tmp_path):
    write("assets/images.yaml", EXISTING)
    assert register_for(tmp_path / "assets" / "photos" / "x.jpg") == tmp_path / "assets" / "images.yaml"
    assert register_for(Path("/nowhere/x.jpg")) == Path("assets/images.yaml")


def test_summary_says_what_was_read_what_is_left_and_why(tmp_path):
    photo = jpeg(tmp_path / "assets/photos/joy.jpg", exif={0x013B: "Jane Doe"},
                 xmp=xmp_packet("<cc:license>CC BY-NC</cc:license>"))
    entry = entry_from_file(photo, tmp_path / "assets")
    assert summary("joy", entry, Path("assets/images.yaml")).splitlines() == [
        "Added 'joy' to assets/images.yaml (file: photos/joy.jpg)",
        "Read from the file (check each one):",
        "  author     Jane Doe   [EXIF Artist]",
        "  licence    CC-BY-NC-4.0   [XMP cc:license 'CC BY-NC']",
        "Still to fill in (marked TODO in the register; builds refuse the image until done):",
        "  alt        describe what the picture shows in one sentence (or remove alt and write decorative: true)",
        "  source     the web address where the image was found",
        "note: licence: 'CC BY-NC' read as CC-BY-NC-4.0 (no version was given: 4.0 assumed; check the source "
        "and write the exact id)",
    ]

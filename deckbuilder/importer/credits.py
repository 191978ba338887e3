"""Credit lines as decks carry them ("This Photo by X is licensed under Y", "Photo: X", "© X"…), read into the
facts an image register entry needs: title, author, source, licence."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..assets.licences import normalise
from .found import Para

QUOTED = r"[“\"‘'](?P<title>[^”\"’]+?)[”\"’']"
THIS = r"(?P<this>this (?:photo|picture|image|photograph|work|graphic))"
CC_FORM = re.compile(rf"(?:{QUOTED}|{THIS})(?: by (?P<author>.+?))?(?P<rest>,? (?:is|are) licen[cs]ed under "
                     rf"(?:a |the )?(?P<licence>.+?)|,? is dedicated to the public domain \((?P<zero>[^)]+)\)"
                     rf"|,? is marked with the (?P<mark>public domain mark[\w .]*)| \((?P<own>own work)\)"
                     rf"|\. used with permission)\.?", re.IGNORECASE)
PHOTO_FORM = re.compile(r"(?:(?:photo|photograph|image|picture|illustration|cover)(?:\s+credit)?s?|credits?)"
                        r"\s*(?::|by|-|–|—)\s*(?P<rest>.+)", re.IGNORECASE)
COPYRIGHT_FORM = re.compile(r"(?:©|\(c\)|copyright\b)\s*(?P<rest>.+)", re.IGNORECASE)
SOURCE_FORM = re.compile(r"sources?\s*:\s*(?P<rest>.+)", re.IGNORECASE)
WIKI_FORM = re.compile(r"(?:(?:photo|image|picture)\s*(?::|by)\s*)?(?P<author>[^,(]+?),?\s+"
                       r"(?:(?P<licence>[^,()]+?),\s*)?(?:via\s+|from\s+|/\s*)?wikimedia\s+commons\s*"
                       r"(?:[/,]\s*(?P<after>[^()]+?)|\((?P<bracketed>[^()]+)\))?\.?", re.IGNORECASE)
COURTESY_FORM = re.compile(r"(?:(?:photo|image|picture|illustration)s?\s+)?courtesy(?:\s+of)?\s*:?\s+(?P<rest>.+)",
                           re.IGNORECASE)
ANGLED = re.compile(r"\s*<(https?://[^>\s]+)>")  # an address pasted in angle brackets, as Wikimedia's HTML gives it
CHANGES = re.compile(r"\s*\((?P<changes>[^()]*\b(?:modified|cropped|adapted|edited|altered)\b[^()]*)\)\s*$",
                     re.IGNORECASE)
VIA = re.compile(r"\s+(?:via|on|from|at)\s+|\s+/\s+|\s+\|\s+", re.IGNORECASE)
YEAR = re.compile(r"^(?:\d{4}(?:\s*[-–]\s*\d{4})?)[,.]?\s+|[,.]?\s+\d{4}$")
URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
MAX_CREDIT = 300


@dataclass
class Credit:
    """What one credit line says; empty fields were not given."""

    text: str
    form: str  # powerpoint, cc, wikimedia, courtesy, photo, copyright, source
    title: str = ""
    author: str = ""
    author_url: str = ""
    source: str = ""
    source_name: str = ""
    licence: str = ""
    licence_url: str = ""
    copyright: str = ""
    changes: str = ""
    source_note: str = ""  # a 'source: …' line under the credit on a credits slide, kept as written

    def merge(self, other: Credit) -> None:
        """Fill what this credit lacks from another line about the same picture."""
        for name in ("title", "author", "author_url", "source", "source_name", "licence", "licence_url",
                     "copyright", "changes", "source_note"):
            if not getattr(self, name) and getattr(other, name):
                setattr(self, name, getattr(other, name))


def read_credit(para: Para) -> Credit | None:
    """The credit a paragraph is, or None when it is not one."""
    shown = para.text
    text = ANGLED.sub("", shown)
    changes = CHANGES.search(text)
    text = text[:changes.start()] if changes else text
    if not text or len(text) > MAX_CREDIT:
        return None
    credit = _cc_form(text) or _wiki_form(text) or _courtesy_form(text) or _photo_form(text) or \
        _copyright_form(text) or _source_form(text)
    if credit is None:
        return None
    credit.text = shown
    credit.changes = credit.changes or (changes["changes"].strip() if changes else "")
    _links(credit, para.links + [(url, url) for url in ANGLED.findall(shown)])
    return credit


def _cc_form(text: str) -> Credit | None:
    match = CC_FORM.fullmatch(text)
    if not match:
        return None
    author, changes = (match["author"] or "").strip(), ""
    if ", " in author and not match["this"]:  # "by A, cropped, is licensed": the changes follow the author
        author, changes = author.split(", ", 1)
    licence = match["licence"] or match["zero"] or match["mark"] or \
        ("LicenseRef-Own" if match["own"] else "LicenseRef-Permission" if "permission" in match["rest"].lower()
         else "")
    return Credit(text, "powerpoint" if match["this"] else "cc", title=(match["title"] or "").strip(),
                  author=author, licence=licence.strip(), changes=changes.strip(" ,"))


def _wiki_form(text: str) -> Credit | None:
    """Wikimedia Commons' credit lines: 'Author, Wikimedia Commons (CC BY-SA 3.0)', 'Author, CC BY-SA 3.0, via
    Wikimedia Commons', 'Author / Wikimedia Commons / CC BY 2.0'."""
    match = WIKI_FORM.fullmatch(text)
    if not match:
        return None
    licence = match["licence"] or match["bracketed"] or match["after"] or ""
    return Credit(text, "wikimedia", author=match["author"].strip(" ,"), source_name="Wikimedia Commons",
                  licence=licence.strip())


def _courtesy_form(text: str) -> Credit | None:
    """'Courtesy of Name': used with that person's or organisation's permission."""
    match = COURTESY_FORM.fullmatch(text)
    if not match:
        return None
    return Credit(text, "courtesy", author=match["rest"].strip(" ,."), licence="LicenseRef-Permission")


def _photo_form(text: str) -> Credit | None:
    match = PHOTO_FORM.fullmatch(text)
    if not match or not match["rest"].strip():
        return None
    credit = Credit(text, "photo")
    rest = _licence_part(match["rest"].strip(), credit)
    parts = VIA.split(rest, maxsplit=1)
    credit.author = parts[0].strip(" ,.")
    if len(parts) > 1:
        _where(parts[1].strip(" ,."), credit)
    return credit


def _licence_part(rest: str, credit: Credit) -> str:
    """Take a licence named in brackets or after the last comma ('X (CC BY 2.0)', 'X, CC BY-SA 4.0')."""
    bracket = re.search(r"\s*\(([^()]+)\)\s*$", rest)
    if bracket and normalise(bracket.group(1))[0]:
        credit.licence = bracket.group(1).strip()
        return rest[:bracket.start()]
    head, _, tail = rest.rpartition(",")
    if head and normalise(tail.strip())[0]:
        credit.licence = tail.strip()
        return head
    return rest


def _where(text: str, credit: Credit) -> None:
    url = URL.search(text)
    if url:
        credit.source = url.group().rstrip(".,)")
    else:
        credit.source_name = text


def _copyright_form(text: str) -> Credit | None:
    match = COPYRIGHT_FORM.fullmatch(text)
    if not match:
        return None
    holder = YEAR.sub("", match["rest"].strip()).strip(" ,.")
    holder = re.sub(r"\s*all rights reserved\.?$", "", holder, flags=re.IGNORECASE).strip(" ,.")
    credit = Credit(text, "copyright", copyright=text)
    parts = VIA.split(holder, maxsplit=1)
    credit.author = parts[0].strip(" ,.")
    if len(parts) > 1:
        _where(parts[1], credit)
    return credit


def _source_form(text: str) -> Credit | None:
    match = SOURCE_FORM.fullmatch(text)
    if not match:
        return None
    credit = Credit(text, "source")
    _where(match["rest"].strip(), credit)
    return credit


def _links(credit: Credit, links: list[tuple[str, str]]) -> None:
    """Hyperlinks say more than the words: the licence deed, the author's page, the source page."""
    for text, url in links:
        if not url.startswith(("http://", "https://")):
            continue
        lic, _ = normalise(url)
        if lic is not None:
            credit.licence_url = url
            if not credit.licence:
                credit.licence = text
        elif credit.author and text == credit.author and credit.form != "photo":
            credit.author_url = url
        elif not credit.source:
            credit.source = url


def licence_of(credit: Credit) -> tuple[str | None, str]:
    """The SPDX id the credit names (the link first: it carries the version), and how it was read."""
    for candidate in (credit.licence_url, credit.licence):
        if not candidate:
            continue
        lic, note = normalise(candidate)
        if lic is not None:
            if candidate == credit.licence_url and credit.licence and credit.licence != lic.id:
                note = f"'{credit.licence}' (linked to {credit.licence_url}) read as {lic.id}"
            return lic.id, note
    return None, ""


def is_credits_title(title: str) -> bool:
    """Whether a slide title names a credits slide ('Image credits', 'Photo credits', 'Attributions')."""
    return bool(re.fullmatch(r"(image|photo|picture|photograph)?\s*(credits|attributions?|sources)(\s*\(cont\.\))?",
                             title.strip().lower()))

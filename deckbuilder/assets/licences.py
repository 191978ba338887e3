"""The licence rule table (SPDX ids, deeds, what each allows), normalising loose licence strings, and pointing
phrasings people write ("own work", "used with permission") at the right id."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import closest

CC_ELEMENTS = ("BY", "NC", "ND", "SA")  # canonical order: BY-NC-SA, BY-NC-ND
CC_VERSIONS = ("2.0", "3.0", "4.0")


@dataclass(frozen=True)
class Licence:
    """What a licence is called and what it allows."""

    id: str
    short: str  # as credits print it, e.g. "CC BY-NC 4.0"
    url: str | None
    attribution: bool = True  # credit legally required (else a courtesy credit)
    commercial: bool = True  # NonCommercial licences say False
    derivatives: bool = True  # NoDerivatives licences say False
    share_alike: bool = False
    version: str = ""
    kind: str = "cc"  # cc, public-domain, permission, own; draft: still TODO, in a draft build

    @property
    def is_cc(self) -> bool:
        return self.kind == "cc"


def _cc(elements: tuple[str, ...], version: str) -> Licence:
    slug = "-".join(e.lower() for e in elements)
    return Licence(
        id=f"CC-{'-'.join(elements)}-{version}", short=f"CC {'-'.join(elements)} {version}",
        url=f"https://creativecommons.org/licenses/{slug}/{version}/",
        commercial="NC" not in elements, derivatives="ND" not in elements, share_alike="SA" in elements,
        version=version,
    )


def _table() -> dict[str, Licence]:
    combos = [("BY",), ("BY", "SA"), ("BY", "NC"), ("BY", "ND"), ("BY", "NC", "SA"), ("BY", "NC", "ND")]
    table = {lic.id: lic for lic in (_cc(c, v) for c in combos for v in CC_VERSIONS)}
    table["CC0-1.0"] = Licence("CC0-1.0", "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/",
                               attribution=False, version="1.0", kind="public-domain")
    table["CC-PDM-1.0"] = Licence("CC-PDM-1.0", "Public Domain Mark 1.0",
                                  "https://creativecommons.org/publicdomain/mark/1.0/", attribution=False,
                                  version="1.0", kind="public-domain")
    table["LicenseRef-Permission"] = Licence("LicenseRef-Permission", "used with permission", None,
                                             commercial=False, derivatives=False, kind="permission")
    table["LicenseRef-Own"] = Licence("LicenseRef-Own", "own work", None, attribution=False, kind="own")
    return table


LICENCES = _table()
# What a draft build takes an image's licence to be while it is still TODO (never a licence a register may name).
DRAFT = Licence("LicenseRef-CreditNeeded", "credit needed", None, kind="draft")


def normalise(text: str) -> tuple[Licence | None, str]:
    """The licence a (possibly loose) string names, and a note saying how it was read ('' if exact)."""
    raw = str(text).strip()
    if raw in LICENCES:
        return LICENCES[raw], ""
    for known in LICENCES:
        if raw.lower() == known.lower():
            return LICENCES[known], f"'{raw}' read as {known}"
    lowered = raw.lower()
    if "creativecommons.org/" in lowered:
        return _from_url(raw, lowered)
    if re.fullmatch(r"(cc[\s-]*)?zero|cc0([\s-]*1(\.0)?)?|public domain dedication", lowered):
        return LICENCES["CC0-1.0"], f"'{raw}' read as CC0-1.0"
    if re.fullmatch(r"(cc[\s-]*)?(pdm|public domain( mark)?)([\s-]*1(\.0)?)?", lowered):
        return LICENCES["CC-PDM-1.0"], f"'{raw}' read as CC-PDM-1.0"
    return _loose_cc(raw, lowered)


_CC_URL = re.compile(r"(?:https?://)?(?:www\.)?creativecommons\.org/(?:licenses/(?P<slug>[a-z-]+)/(?P<version>\d\.\d)"
                     r"|publicdomain/(?P<tool>zero|mark)/1\.0)(?:/(?P<rest>[^?#]*))?(?:[?#].*)?")


def _from_url(raw: str, lowered: str) -> tuple[Licence | None, str]:
    """A licence deed or legal code address, e.g. https://creativecommons.org/licenses/by-nc/4.0/legalcode."""
    match = _CC_URL.fullmatch(lowered.strip())
    if not match:
        return None, ""
    if match["tool"]:
        tool = LICENCES["CC0-1.0" if match["tool"] == "zero" else "CC-PDM-1.0"]
        return tool, f"'{raw}' read as {tool.id}"
    lic = LICENCES.get(f"CC-{match['slug'].upper()}-{match['version']}")
    if lic is None:
        return None, ""
    port = (match["rest"] or "").split("/")[0]
    note = f"'{raw}' read as {lic.id}"
    if port and not port.startswith(("legalcode", "deed")):
        note += f" (the '{port}' port of the licence, checked as the unported version)"
    return lic, note


def _loose_cc(raw: str, lowered: str) -> tuple[Licence | None, str]:
    if not re.search(r"\bcc|creative commons|attribution", lowered):
        return None, ""
    words = {"attribution": "by", "noncommercial": "nc", "non-commercial": "nc", "noderivatives": "nd",
             "noderivs": "nd", "sharealike": "sa", "share-alike": "sa", "creative commons": "cc"}
    for long, short in words.items():
        lowered = lowered.replace(long, short)
    match = re.fullmatch(r"(?:cc[\s_-]*)?(by[a-z\s_-]*?)[\s_-]*(\d(?:\.\d)?)?(?:\s+(?:generic|unported|international))?"
                         r"(?:\s+(?:public\s+)?licen[cs]e)?",
                         lowered.strip())
    if not match:
        return None, ""
    letters = re.sub(r"[\s_-]", "", match.group(1))
    pairs = [letters[i:i + 2] for i in range(0, len(letters), 2)]
    if len(letters) % 2 or not pairs or pairs[0] != "by" or any(p.upper() not in CC_ELEMENTS for p in pairs):
        return None, ""
    elements = tuple(e for e in CC_ELEMENTS if e.lower() in pairs)
    if "ND" in elements and "SA" in elements:
        return None, ""
    version = match.group(2) or ""
    version = version if "." in version else f"{version}.0" if version else ""
    if version and version not in CC_VERSIONS:
        return None, ""
    lic = LICENCES[f"CC-{'-'.join(elements)}-{version or '4.0'}"]
    note = f"'{raw}' read as {lic.id}"
    if not version:
        note += " (no version was given: 4.0 assumed; check the source and write the exact id)"
    return lic, note


def known_ids() -> list[str]:
    return sorted(LICENCES)


_PHRASINGS = (  # what people write where a licence id belongs, and the id it means
    (r"\b(own work|our own|my own|self[- ]made|original work|in[- ]house|(taken|made|drawn) by (us|me))\b",
     "LicenseRef-Own", "work your organisation made itself: no source needed"),
    (r"\b(public[- ]domain|pd|no known copyright|no rights reserved)\b", "CC-PDM-1.0",
     "a work free of copyright; for a creator's CC0 dedication write CC0-1.0"),
    (r"rights reserved|permission|courtesy|©|\(c\)|copyright|royalty[- ]free|stock|purchased|licensed to us",
     "LicenseRef-Permission", "used with the rights holder's permission (or a licence bought): record it under "
     "permission: {granted_by, evidence}"),
)
_CC_IN_TEXT = re.compile(r"\b(cc[\s_-]*by(?:[\s_-]*(?:nc|nd|sa)(?![a-z]))*(?:[\s_-]*\d(?:\.\d)?)?)(?![_-][a-z])")


def suggest(text: str) -> tuple[str, str] | None:
    """The id a licence phrasing that normalise() refuses most likely means, and why; None when it is unclear."""
    lowered = str(text).strip().lower()
    cc = _CC_IN_TEXT.search(lowered)
    if cc:  # a Creative Commons licence deckbuilder knows, or one it does not (e.g. version 2.5): no guessing
        lic = normalise(cc.group(1))[0]
        return (lic.id, f"the Creative Commons licence '{text}' names") if lic else None
    for pattern, licence_id, why in _PHRASINGS:
        if re.search(pattern, lowered):
            return licence_id, why
    close = closest(lowered.upper().replace(" ", "-"), LICENCES)
    return (close, "the licence id most like it") if close else None

"""The image register's format: one entry per image with its file, alt text, credit facts and licence."""
from __future__ import annotations

from .scalars import Date, Flag, Number, Text, Url
from .schema import Field, ListOf, MapOf, Record

PERMISSION = Record((
    Field("granted_by", Text(200), "who gave permission", required=True),
    Field("evidence", Text(500), "where the permission is recorded (a letter, an e-mail, a contract)",
          required=True),
    Field("granted_on", Date(), "when it was given"),
    Field("expires", Date(), "when it ends; the image is refused after this date"),
    Field("commercial", Flag(), "may be used in fundraising and commercial decks", default=False),
    Field("modify", Flag(), "may be cropped or have text put over it", default=False),
    Field("credit", Text(300), "the exact credit line the rights holder asked for"),
), doc="for LicenseRef-Permission: who allowed what")

ENTRY = Record((
    Field("file", Text(500), "the image file, relative to the register's folder", required=True),
    Field("alt", Text(600), "what the picture shows, for people who cannot see it (required unless decorative)"),
    Field("decorative", Flag(), "purely decorative: screen readers skip it (then give no alt)", default=False),
    Field("title", Text(300), "the work's title, when it has one"),
    Field("author", Text(200), "the author as the source gives it; 'Unknown Author' is allowed but reported"),
    Field("author_url", Url(), "a link to the author's page"),
    Field("source", Text(500), "where the image was found (a web address); required for Creative Commons images"),
    Field("licence", Text(120), "an SPDX id such as CC-BY-4.0, or LicenseRef-Permission or LicenseRef-Own",
          required=True),
    Field("copyright", Text(300), "a copyright notice to keep word for word"),
    Field("permission", PERMISSION, "for LicenseRef-Permission: the grant"),
    Field("focus", ListOf(Number(0, 1), 2, 2), "the point to keep in view when cropping, [x, y] from 0 to 1",
          default=[0.5, 0.5]),
    Field("modifications", Text(300), "changes made before us (e.g. 'colour-corrected by the archive')"),
), doc="one image")

REGISTER = MapOf(ENTRY)

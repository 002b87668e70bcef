"""What every page shows of the press office: its name, emblem, colours, contacts and
footer pages, read once per change (``public_state.once_per_change``), never per request.

The site identity and the footer pages are written per language. A text missing in the
reader's language is shown in another (the site's own language first), marked with its
``lang`` attribute: a ministry's name, its address or its privacy notice is worse missing
than untranslated, and a footer link must not lead to a 404. (Publications, whose text
is the news, never fall back: see README "The rules readers rely on".)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info, gettext

from speeches.models import LANGUAGE_CODES, FooterPage, SiteIdentity, in_language
from speeches.publishing import public_state
from speeches.publishing.public_state import once_per_change

IDENTITY_PK = 1


@dataclass(frozen=True)
class Text:
    """A text as a page prints it: ``language`` is its own when it is not the page's
    (for the ``lang`` attribute), else empty."""

    text: str = ""
    language: str = ""

    def __str__(self) -> str:
        return self.text

    @property
    def direction(self) -> str:
        """Its writing direction when it is in another language than the page's."""
        if not self.language:
            return ""
        return "rtl" if get_language_info(self.language)["bidi"] else "ltr"


@dataclass(frozen=True)
class FooterLink:
    kind: str
    title: Text
    url: str


@dataclass(frozen=True)
class Identity:
    """The press office as one language's pages show it."""

    name: Text
    short_name: Text = Text()
    emblem_url: str = ""
    emblem_width: int | None = None
    emblem_height: int | None = None
    stylesheet_url: str = ""
    colours: dict[str, str] = field(default_factory=dict)  # custom property: colour
    address: Text = Text()
    phone: str = ""
    email: str = ""
    hours: Text = Text()
    pages: tuple[FooterLink, ...] = ()

    @property
    def title_name(self) -> str:
        """The name page titles end with: the short one, if there is one."""
        return self.short_name.text or self.name.text

    @property
    def has_contacts(self) -> bool:
        return bool(self.address.text or self.phone or self.email or self.hours.text)


def _in_order(language: str) -> list[str]:
    """The languages a text is looked for in: the page's, the site's own, the others."""
    first = [language, settings.LANGUAGE_CODE]
    return [*dict.fromkeys(first), *(code for code in LANGUAGE_CODES if code not in first)]


def text_in(row, name: str, language: str) -> Text:
    """``row``'s field ``name`` in ``language``, or in the first language that has it."""
    for code in _in_order(language):
        value = in_language(row, name, code).strip()
        if value:
            return Text(value, "" if code == language else code)
    return Text()


def page_language(page: FooterPage, language: str) -> str | None:
    """The language a footer page is shown in to a reader of ``language``; None when it
    is written in none."""
    return next((code for code in _in_order(language) if page.exists_in(code)), None)


def colour_stamp(primary: str, secondary: str) -> str:
    """Names the identity's stylesheet: a new colour is a new address, which browsers
    and proxies may keep for a year."""
    return hashlib.sha256(f"{primary}{secondary}".encode()).hexdigest()[:12]


def _build(language: str) -> Identity:
    with translation.override(language):
        row = SiteIdentity.objects.filter(pk=IDENTITY_PK).first()
        pages = []
        order = FooterPage.Kind.values
        for page in sorted(FooterPage.objects.all(), key=lambda p: order.index(p.kind)):
            shown_in = page_language(page, language)
            if shown_in is not None:
                title = in_language(page, "title", shown_in).strip()
                pages.append(
                    FooterLink(
                        page.kind,
                        Text(title, "" if shown_in == language else shown_in),
                        page.get_absolute_url(),
                    )
                )
        fallback = Text(settings.SITE_NAME or gettext("Press office"))
        if row is None:
            return Identity(name=fallback, pages=tuple(pages))
        colours = {"--accent": row.primary_colour, "--brand-secondary": row.secondary_colour}
        emblem_name = PurePosixPath(row.emblem.name).name if row.emblem else ""
        name = text_in(row, "name", language)
        return Identity(
            name=name if name.text else fallback,
            short_name=text_in(row, "short_name", language),
            emblem_url=(
                reverse("identity_emblem", kwargs={"filename": emblem_name}) if emblem_name else ""
            ),
            emblem_width=row.emblem_width,
            emblem_height=row.emblem_height,
            stylesheet_url=reverse(
                "identity_stylesheet",
                kwargs={"stamp": colour_stamp(row.primary_colour, row.secondary_colour)},
            ),
            colours=colours,
            address=text_in(row, "address", language),
            phone=row.phone,
            email=row.email,
            hours=text_in(row, "hours", language),
            pages=tuple(pages),
        )


def site_identity(language: str) -> Identity:
    """The press office as pages in ``language`` show it, kept per change, and read once
    per request however many parts of the page ask (header, footer, title, metadata)."""
    name = f"identity:{language}"
    memo = public_state.request_memo()
    if memo is not None and name in memo.values:
        return memo.values[name]
    identity = once_per_change(name, lambda: _build(language))
    if memo is not None:
        memo.values[name] = identity
    return identity


def identity_row() -> SiteIdentity | None:
    """The stored identity row (one query), for serving its emblem's file."""
    return SiteIdentity.objects.filter(pk=IDENTITY_PK).first()


def emblem_name() -> str:
    """The stored emblem's file name, as its address ends (none: "")."""
    url = site_identity(settings.LANGUAGE_CODE).emblem_url
    return url.rsplit("/", 1)[-1] if url else ""


@dataclass(frozen=True)
class PageContent:
    """A footer page as a reader of one language gets it."""

    kind: str
    title: str
    content: str  # sanitised HTML (richtext, on every save)
    language: str  # the text's language
    fallback: bool  # shown in another language than the page's
    languages: tuple[str, ...]  # the languages it is written in


def footer_page(*, kind: str, language: str) -> PageContent | None:
    """The footer page ``kind`` for readers of ``language``, kept per change; None when
    there is no such page, or it is written in no language."""

    def build() -> PageContent | None:
        page = FooterPage.objects.filter(kind=kind).first()
        if page is None:
            return None
        shown_in = page_language(page, language)
        if shown_in is None:
            return None
        return PageContent(
            kind=kind,
            title=in_language(page, "title", shown_in).strip(),
            content=in_language(page, "content", shown_in),
            language=shown_in,
            fallback=shown_in != language,
            languages=tuple(code for code in LANGUAGE_CODES if page.exists_in(code)),
        )

    if kind not in FooterPage.Kind.values:
        return None
    return once_per_change(f"footer-page:{kind}:{language}", build)

"""The emails themselves: in the reader's language, as plain text and HTML, with what
deliverability asks of them.

Every message has its own ``Message-ID`` (kept on its delivery, so a bounce finds it),
Django's ``Date``, ``From`` (``DEFAULT_FROM_EMAIL``) and ``Reply-To`` (``MAIL_REPLY_TO``),
and a subject encoded as RFC 2047 wants it for Cyrillic or Arabic. Readers' emails carry
``List-Unsubscribe`` and ``List-Unsubscribe-Post`` (RFC 8058): a mail program's
"unsubscribe" button deletes the subscriber with one POST, no page to visit.

A sending's email is rendered once (``Letter``) and only each recipient's own link is put
into it per message: 100,000 recipients cost one rendering.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.header import Header
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from speeches.models import Delivery, Dispatch, Publication, Subscriber, in_language
from speeches.public import presentation

# Stands for a recipient's signed link token while a letter is rendered once for all.
TOKEN = "RECIPIENTTOKEN"


class Mail(EmailMultiAlternatives):
    """Django's email, whose non-ASCII subject is folded as RFC 2047 wants it: encoded
    words from the header's first line on (Django 5.2's own folding starts them on a
    line of their own, which readers' programs may show as a leading space)."""

    def message(self):
        message = super().message()
        if not self.subject.isascii():
            message.replace_header("Subject", Header(self.subject, "utf-8", header_name="Subject"))
        return message


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def mail_domain() -> str:
    """The domain of ``Message-ID``s: the sender's own."""
    address = settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">")
    return address.rsplit("@", 1)[-1] or "localhost"


def new_message_id() -> str:
    return make_msgid(domain=mail_domain())


def reply_to() -> list[str]:
    return [settings.MAIL_REPLY_TO] if settings.MAIL_REPLY_TO else []


def subscriber_links(token: str, language: str) -> dict[str, str]:
    """The links of a subscriber's emails, in their language's addresses."""
    with translation.override(language):
        return {
            "manage_url": absolute(reverse("mailing:manage", kwargs={"token": token})),
            "unsubscribe_url": absolute(reverse("mailing:unsubscribe", kwargs={"token": token})),
        }


@dataclass(frozen=True)
class Letter:
    """One sending's email rendered once, its recipients' own links left to fill in."""

    subject: str
    text: str
    html: str
    language: str
    unsubscribe_url: str  # with TOKEN for the recipient's own

    def personalise(self, delivery: Delivery) -> EmailMultiAlternatives:
        return _reader_mail(
            subject=self.subject,
            text=self.text,
            html=self.html,
            subscriber=delivery.subscriber,
            unsubscribe_url=self.unsubscribe_url,
        )


def _mail(*, subject: str, text: str, html: str, to: str, headers: dict, replies=True) -> Mail:
    """One email, text and HTML, with its own ``Message-ID`` (and ``Reply-To`` unless it
    is staff's)."""
    message = Mail(
        subject=subject,
        body=text,
        to=[to],
        reply_to=reply_to() if replies else [],
        headers={"Message-ID": new_message_id(), **headers},
    )
    message.attach_alternative(html, "text/html")
    return message


def _reader_mail(*, subject, text, html, subscriber: Subscriber, unsubscribe_url) -> Mail:
    """A reader's email from text rendered for all (``TOKEN`` for the links): the
    subscriber's own links put in, and RFC 8058's headers."""
    from speeches.mailing import subscribing

    token = subscribing.link_token(subscriber)
    return _mail(
        subject=subject,
        text=text.replace(TOKEN, token),
        html=html.replace(TOKEN, token),
        to=subscriber.email,
        headers=unsubscribe_headers(unsubscribe_url.replace(TOKEN, token)),
    )


def unsubscribe_headers(unsubscribe_url: str) -> dict[str, str]:
    """RFC 8058's one-click unsubscribe, and RFC 2369's list headers."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"<news.{mail_domain()}>",
        "Precedence": "bulk",
        "Auto-Submitted": "auto-generated",
    }


def _render(name: str, context: dict, language: str) -> tuple[str, str]:
    with translation.override(language):
        context = {
            "LANGUAGE_CODE": language,
            "LANGUAGE_BIDI": translation.get_language_bidi(),
            "site_name": presentation.site_name(),
            "site_url": absolute(reverse("speeches:home")),
            **context,
        }
        text = render_to_string(f"mail/{name}.txt", context)
        html = render_to_string(f"mail/{name}.html", context)
    return text, html


def publication_entry(publication: Publication, language: str) -> dict:
    """What an email says of an item: its type, title, lead, date and time, and link."""
    with translation.override(language):
        return {
            "title": publication.title_in(language),
            "lead": in_language(publication, "lead", language),
            "type": publication.type.name if publication.type_id else "",
            "published_at": timezone.localtime(publication.published_at),
            "url": absolute(publication.get_absolute_url(language)),
            "speakers": [str(person) for person in publication.speakers.all()],
        }


def letter_for(dispatch: Dispatch) -> Letter:
    """The email of a sending, rendered once in its language."""
    language = dispatch.language
    links = subscriber_links(TOKEN, language)
    if dispatch.kind == Dispatch.Kind.DIGEST:
        from speeches.mailing import digests

        return digests.letter(dispatch, links)
    entry = publication_entry(dispatch.publication, language)
    text, html = _render("publication", {"item": entry, **links}, language)
    return Letter(
        subject=entry["title"],
        text=text,
        html=html,
        language=language,
        unsubscribe_url=links["unsubscribe_url"],
    )


def confirmation(
    subscriber: Subscriber, *, confirm_url: str, subscriptions: list
) -> EmailMultiAlternatives:
    """The double opt-in's email: nothing else is sent until its link is followed."""
    language = subscriber.language
    text, html = _render(
        "confirm",
        {"confirm_url": confirm_url, "subscriptions": subscriptions},
        language,
    )
    with translation.override(language):
        subject = _("Confirm your subscription to %(site)s") % {"site": presentation.site_name()}
    return _mail(
        subject=subject,
        text=text,
        html=html,
        to=subscriber.email,
        headers={"Auto-Submitted": "auto-generated"},
    )


def staff_message(*, to: str, language: str, subject: str, context: dict) -> EmailMultiAlternatives:
    text, html = _render("staff_notice", context, language)
    return _mail(
        subject=subject,
        text=text,
        html=html,
        to=to,
        headers={"Auto-Submitted": "auto-generated"},
        replies=False,
    )


@dataclass(frozen=True)
class DigestLetter:
    """A day's digest: each recipient's own items (those their subscriptions match),
    each item's entry rendered once."""

    language: str
    subject: str
    entries: dict  # publication id → entry
    links: dict  # with TOKEN for the recipient's own

    @classmethod
    def make(cls, dispatch: Dispatch, items: list[Publication], links: dict) -> DigestLetter:
        language = dispatch.language
        with translation.override(language):
            subject = _("%(site)s: the news of %(day)s") % {
                "site": presentation.site_name(),
                "day": date_format(dispatch.day, "DATE_FORMAT"),
            }
        return cls(
            language=language,
            subject=subject,
            entries={item.pk: publication_entry(item, language) for item in items},
            links=links,
        )

    def personalise(self, delivery: Delivery) -> EmailMultiAlternatives:
        entries = [self.entries[pk] for pk in delivery.items if pk in self.entries]
        text, html = _render(
            "digest", {"items": entries, "subject": self.subject, **self.links}, self.language
        )
        return _reader_mail(
            subject=self.subject,
            text=text,
            html=html,
            subscriber=delivery.subscriber,
            unsubscribe_url=self.links["unsubscribe_url"],
        )

"""Small read-only helpers that shape model data for templates."""

from dataclasses import dataclass

from django.utils.text import Truncator
from django.utils.translation import get_language_info

from speeches.models import Publication


@dataclass(frozen=True)
class VersionLink:
    code: str
    name: str  # the language's own name, e.g. "Deutsch"
    url: str
    current: bool
    bidi: bool


def version_links(publication: Publication, *, current: str) -> list[VersionLink]:
    """One link per public language version, ordered by language code as readers expect."""
    links = []
    for code in sorted(publication.public_languages()):
        info = get_language_info(code)
        links.append(
            VersionLink(
                code=code,
                name=info["name_local"],
                url=publication.get_absolute_url(code),
                current=code == current,
                bidi=info["bidi"],
            )
        )
    return links


def plain_text_excerpt(text: str, *, words: int = 50) -> str:
    """The first ``words`` words of a publication's plain text (derived from its body at save)."""
    return Truncator(" ".join(text.split())).words(words)

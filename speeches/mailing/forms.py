"""The readers' subscription form: an address, a language, how often, and the archive's facets.

Its facets are the archive's filters under the archive's names (``type``, ``speaker``,
``topic``, ``country``, ``q``) and values (a type's code, a person's id, a topic's slug,
a country's code), so that a list's own query string fills it. It offers the terms public
in the page's language (``selectors.filter_options``, kept per change) and accepts only
those that are also public in the language the emails are to be in: a term known from
drafts alone is an invalid choice, like an unknown one.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.http import QueryDict
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from speeches.mailing import subscribing
from speeches.models import Country, Person, PublicationType, Subscription, Topic
from speeches.public import search, selectors
from speeches.public.filters import KeptOptionsSelect

# The facets, in the order of the form: name → (the model, the field a value names).
FACETS = {
    "type": (PublicationType, "code"),
    "speaker": (Person, "pk"),
    "topic": (Topic, "slug"),
    "country": (Country, "code"),
}
# What the form says of a facet's value that is public in the page's language but not in
# the emails'.
NOT_PUBLIC = {
    "type": _(
        "Nothing of this type is published in %(language)s: choose another type, or"
        " another language."
    ),
    "speaker": _(
        "Nothing by this person is published in %(language)s: choose another person, or"
        " another language."
    ),
    "topic": _(
        "Nothing on this topic is published in %(language)s: choose another topic, or"
        " another language."
    ),
    "country": _(
        "Nothing about this country is published in %(language)s: choose another"
        " country, or another language."
    ),
}
INVALID_CHOICE = _("This is not one of the choices: choose one from the list, or leave it empty.")
# The fields a link may fill (GET): the facets, the words, and the reader's own choices.
PREFILLED = ("email", "language", "frequency", *FACETS, "q")


class LanguageSelect(forms.Select):
    """Each language named in itself, and marked as such for screen readers."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value:
            option["attrs"]["lang"] = value
            if get_language_info(value)["bidi"]:
                option["attrs"]["dir"] = "rtl"
        return option


def language_choices() -> list[tuple[str, str]]:
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


class SubscribeForm(forms.Form):
    # The labels of what a link asked for that the form cannot offer (``from_link``).
    left_out: list = []

    type = forms.ChoiceField(
        label=_("Type"), required=False, error_messages={"invalid_choice": INVALID_CHOICE}
    )
    speaker = forms.ChoiceField(
        label=_("Person"), required=False, error_messages={"invalid_choice": INVALID_CHOICE}
    )
    topic = forms.ChoiceField(
        label=_("Topic"), required=False, error_messages={"invalid_choice": INVALID_CHOICE}
    )
    country = forms.ChoiceField(
        label=_("Country"), required=False, error_messages={"invalid_choice": INVALID_CHOICE}
    )
    q = forms.CharField(
        label=_("Search words"),
        required=False,
        max_length=min(search.MAX_QUERY_LENGTH, Subscription._meta.get_field("query").max_length),
        help_text=_("Only publications these words find, as the archive's search does."),
    )
    language = forms.ChoiceField(
        label=_("Language of the emails"),
        widget=LanguageSelect,
        error_messages={"required": _("Choose a language.")},
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        widget=forms.RadioSelect,
        choices=[
            (Subscription.Frequency.INSTANT, _("As soon as each is published")),
            (Subscription.Frequency.DAILY, _("Once a day, in a digest")),
        ],
        initial=Subscription.Frequency.INSTANT,
        error_messages={"required": _("Choose how often.")},
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def __init__(self, data=None, *, language: str, initial=None, **kwargs):
        """``language``: the page's, whose public terms are offered (and the emails'
        language unless the reader chooses another)."""
        super().__init__(data, initial={"language": language, **(initial or {})}, **kwargs)
        self.page_language = language
        self.fields["language"].choices = language_choices()
        kept = selectors.filter_options(language=language)
        empty = {
            "type": _("Any type"),
            "speaker": _("Any person"),
            "topic": _("Any topic"),
            "country": _("Any country"),
        }
        for name in FACETS:
            field = self.fields[name]
            terms = kept.choices[name]
            # Callables: a form copies its fields, and would copy hundreds of choices.
            field.choices = lambda terms=terms, empty=empty[name]: [("", empty), *terms]
            if name in kept.options:  # their options' HTML is built once per change
                field.widget = KeptOptionsSelect(kept.options[name], empty[name])

    @classmethod
    def from_link(cls, query: QueryDict, *, language: str) -> SubscribeForm:
        """The form as a link asks for it (``?topic=…&q=…``, an archive's filters): what
        it may offer is chosen, and the rest listed in ``left_out`` to be said."""
        form = cls(language=language)
        initial, left_out = {}, []
        for name in PREFILLED:
            values = [value for value in query.getlist(name) if value]
            if not values:
                continue
            field = form.fields[name]
            if name in FACETS or name in ("language", "frequency"):
                offered = {str(value) for value, _label in field.choices}
                # A subscription follows one value of a facet (an archive may show several types).
                if len(values) > 1 or values[0] not in offered:
                    left_out.append(field.label)
                    continue
            initial[name] = values[0][: getattr(field, "max_length", None) or 254]
        form.initial.update(initial)
        form.left_out = left_out
        return form

    def error_summary(self) -> list[tuple[str, str]]:
        """Each error with the id of the control it is about (a group of radio buttons:
        its first), for the summary the page opens with."""
        found = []
        for name, errors in self.errors.items():
            anchor = ""
            if name in self.fields:
                anchor = self[name].auto_id
                if isinstance(self.fields[name].widget, forms.RadioSelect):
                    anchor += "_0"
            found += [(anchor, error) for error in errors]
        return found

    def clean_q(self) -> str:
        # One spelling of the same words: "a  b" and "a b" are one subscription.
        return " ".join(self.cleaned_data["q"].split())

    def clean(self):
        cleaned = super().clean()
        language = cleaned.get("language")
        if language and language != self.page_language:
            # Offered in the page's language; the emails' must have them public too.
            public = selectors.filter_options(language=language).choices
            name_of_language = get_language_info(language)["name_translated"]
            for name in FACETS:
                value = cleaned.get(name)
                if value and value not in dict(public[name]):
                    self.add_error(name, NOT_PUBLIC[name] % {"language": name_of_language})
        return cleaned

    def choice(self) -> subscribing.Choice:
        """What the valid form asks for, its terms by their ids."""
        data = self.cleaned_data
        ids = {}
        for name, (model, field) in FACETS.items():
            value = data.get(name)
            if value:
                ids[name] = model.objects.filter(**{field: value}).values_list("pk", flat=True)[0]
            else:
                ids[name] = None
        return subscribing.Choice(
            frequency=data["frequency"],
            type_id=ids["type"],
            person_id=ids["speaker"],
            topic_id=ids["topic"],
            country_id=ids["country"],
            query=data["q"],
        )


class DeleteForm(forms.Form):
    """The manage page's "Delete" button of one subscription."""

    subscription = forms.IntegerField(min_value=1, max_value=2**31 - 1)

"""Email: readers' subscriptions, what is sent to them and when, and what staff are told.

- ``subscribing.py``: signing up without an account (double opt-in), the signed links of
  every email (confirm, manage, unsubscribe), deleting on unsubscribe, bounces.
- ``matching.py``: which subscribers an item reaches in a language.
- ``sending.py``: an item's sendings, made when it is released and sent at its second by
  the worker, once per recipient even if a worker dies mid-batch; daily digests; retries.
- ``messages.py``: the emails themselves, in the reader's language, text and HTML, with
  the headers deliverability needs (``Message-ID``, ``List-Unsubscribe``...).
- ``staff.py``: staff notices (review, sent back, published, out-of-date translations,
  failed sendings), in the admin and by email as each person chooses.
- ``tasks.py``: the background tasks (django-tasks); ``views.py``/``urls.py``: readers'
  pages (sign up, confirm, manage, unsubscribe), ``forms.py`` their sign-up form;
  ``admin.py``: subscribers, sendings and notices in the staff admin.

May import ``speeches.public`` (a search subscription is matched by the site's own search;
an email names the site as its pages do), ``speeches.publishing``, ``speeches.accounts``
(a request's address, for the sign-up's rate limits) and ``speeches.models``;
never the admin or the API. The admin of its models is ``admin.py`` here; the workflow
tells it of releases through ``speeches.publishing.signals`` (``receivers.py`` listens).
"""

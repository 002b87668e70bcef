"""Two people saving the same publication at the same instant, over real HTTP.

Runs against the live server on whichever database the suite uses: on SQLite (the
embedded default) the loser used to get HTTP 500 "database is locked"; on both, the loser
must see the conflict with their input kept, and a second save must succeed.
"""

import re
import threading

import pytest
import requests

from speeches.models import Publication, PublicationType
from tests.factories import PublicationFactory, UserFactory
from tests.helpers import change_form_data

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"
ROUNDS = 5


def logged_in(base: str, username: str) -> requests.Session:
    session = requests.Session()
    login = f"{base}/admin/login/"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', session.get(login).text)
    response = session.post(
        login,
        {
            "csrfmiddlewaretoken": token.group(1),
            "username": username,
            "password": PASSWORD,
            "next": "/admin/",
        },
        headers={"Referer": login},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:500]
    return session


def open_form(session: requests.Session, url: str) -> dict:
    html = session.get(url).text
    return {
        "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(
            1
        ),
        "opened_version": re.search(r'name="opened_version" value="(\d+)"', html).group(1),
    }


def test_simultaneous_saves_give_one_winner_and_a_conflict_never_a_500(live_server):
    # A transactional test may start after a flush of the rows migrations seed.
    PublicationType.objects.get_or_create(
        code="statement", defaults={"name_en": "Statement", "plural_name_en": "Statements"}
    )
    for name in ("anna", "boris"):
        UserFactory(username=name, is_staff=True, groups=["Editors"])
    publication = PublicationFactory(status=Publication.Status.DRAFT, title_en="Start")
    url = f"{live_server.url}/admin/speeches/publication/{publication.pk}/change/"
    sessions = {name: logged_in(live_server.url, name) for name in ("anna", "boris")}

    for round_ in range(ROUNDS):
        forms = {name: open_form(session, url) for name, session in sessions.items()}
        base = change_form_data(Publication.objects.get(pk=publication.pk))
        start = threading.Barrier(2)
        results = {}

        def save(name, forms=forms, base=base, start=start, results=results, round_=round_):
            data = {**base, **forms[name], "title_en": f"{name} {round_}"}
            start.wait()
            results[name] = sessions[name].post(
                url, data, headers={"Referer": url}, allow_redirects=False
            )

        threads = [threading.Thread(target=save, args=(name,)) for name in sessions]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

        statuses = sorted(r.status_code for r in results.values())
        assert statuses == [200, 302], statuses
        loser = next(name for name, r in results.items() if r.status_code == 200)
        winner = next(name for name, r in results.items() if r.status_code == 302)
        html = results[loser].text
        assert "saved this publication at" in html
        assert f'value="{loser} {round_}"' in html  # the loser's input, kept
        assert Publication.objects.get(pk=publication.pk).title_en == f"{winner} {round_}"

        # The loser saves again from the re-rendered form (it carries the new version).
        retry = {
            **base,
            "csrfmiddlewaretoken": forms[loser]["csrfmiddlewaretoken"],
            "opened_version": re.search(r'name="opened_version" value="(\d+)"', html).group(1),
            "title_en": f"{loser} {round_} merged",
        }
        again = sessions[loser].post(url, retry, headers={"Referer": url}, allow_redirects=False)
        assert again.status_code == 302
        assert Publication.objects.get(pk=publication.pk).title_en == f"{loser} {round_} merged"

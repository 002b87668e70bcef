"""Schemathesis: requests generated from the API's own OpenAPI document, sent to the
demo archive, get the answers the document promises and never a server error."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from pressoffice.wsgi import application

pytestmark = pytest.mark.django_db

# Loaded once, at collection: the schema comes from the project's own WSGI application,
# so the test checks the document and the code that are actually served.
live_schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture
def demo_archive(demo, db):
    """The demo archive (conftest's ``demo``, loaded once for the module), served
    in-process on the test's own connection and transaction.

    The WSGI application runs in this thread, so with the ordinary ``db`` fixture it reads
    the demo's rows, and whatever a request writes is rolled back afterwards (no slow
    flush, and the types migrations seed stay). Django's WSGI handler closes "old"
    connections at the start and end of every request; inside the test's transaction that
    would break the connection on PostgreSQL, so it is disconnected for the run, exactly as
    Django's test Client does.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@live_schema.parametrize()
@hypothesis_settings(
    max_examples=25,
    deadline=None,
    # One demo archive serves every example of an operation; it is only read.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_generated_requests_get_documented_answers_never_a_server_error(case, demo_archive):
    # Besides "not a server error", every answer must match its documented status, media
    # type and schema. Left out: the checks that a value the schema allows is accepted and
    # one it forbids refused, since the archive's FilterSet decides validity from the
    # database (an unknown topic is refused) and, like the archive pages' form, reads an
    # empty parameter as absent.
    # The WSGI transport hands over the bytes as sent: a compressed answer (which real
    # clients, asking for one, decompress) would not be read as JSON.
    case.call_and_validate(
        headers={"Accept-Encoding": "identity"},
        excluded_checks=[negative_data_rejection, positive_data_acceptance],
    )

import pytest
from django.test import Client

from virage.capsules.session import SESSION_KEY


@pytest.fixture
def learner_client():
    """`learner_client(learner)` → a client whose session holds a signed-in light learner."""

    def make(learner) -> Client:
        client = Client()
        session = client.session
        session[SESSION_KEY] = learner.pk
        session.save()
        return client

    return make


@pytest.fixture(autouse=True)
def _french_first():
    """Each test starts in French: a request to /en/… leaves English active in the thread,
    and `reverse` would then build /en/ addresses for the next test."""
    from django.utils import translation

    translation.activate("fr")
    yield
    translation.deactivate()

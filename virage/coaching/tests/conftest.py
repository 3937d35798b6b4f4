import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def french():
    """Each test starts in French: a request in English earlier in the same thread leaves
    English active, and `reverse()` would then build /en/ URLs."""
    with translation.override("fr"):
        yield

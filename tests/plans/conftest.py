import pytest

from stuurman.accounts.models import User


@pytest.fixture
def coordinator(client, demo_region):
    """The test client, logged in as the demo region's coordinator (regisseur)."""
    client.force_login(User.objects.get(username="regisseur"))
    return client

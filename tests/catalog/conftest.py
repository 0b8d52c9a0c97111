import pytest

from stuurman.accounts.models import User


@pytest.fixture
def admin(demo_region):
    """The functional admin of Waalkant, who maintains the region's catalogue in the demo."""
    return User.objects.get(username="beheer")

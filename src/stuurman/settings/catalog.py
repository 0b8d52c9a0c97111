"""The catalogue (stuurman.catalog): when the learning assortment proposes a general provision."""

from django.core.exceptions import ImproperlyConfigured

from . import env

# A tailored solution used in this many plans is proposed to the functional admin as a general provision.
ASSORTMENT_THRESHOLD = env.integer("STUURMAN_ASSORTMENT_THRESHOLD", 5)
if ASSORTMENT_THRESHOLD < 1:
    raise ImproperlyConfigured(
        f"STUURMAN_ASSORTMENT_THRESHOLD is '{ASSORTMENT_THRESHOLD}', but must be at least 1 (plans)."
    )

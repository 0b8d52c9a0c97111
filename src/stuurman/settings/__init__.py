"""Settings, one module per concern (see docs/operators-guide.md for every variable).

The profile comes from STUURMAN_ENV: ``production`` (the default, safe), ``dev`` (``make run``) or
``test`` (the pytest suite). Each concern module reads its own environment variables.
"""

from .base import *  # noqa: F403
from .caches import *  # noqa: F403
from .catalog import *  # noqa: F403
from .database import *  # noqa: F403
from .documents import *  # noqa: F403
from .drafts import *  # noqa: F403
from .i18n import *  # noqa: F403
from .logging import *  # noqa: F403
from .monitoring import *  # noqa: F403
from .security import *  # noqa: F403
from .static import *  # noqa: F403

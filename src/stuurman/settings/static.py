"""Static files: vendored NL Design System assets, served by whitenoise in every profile."""

from . import env
from .base import PROFILE, VAR_DIR

STATIC_URL = "static/"
STATIC_ROOT = env.string("STATIC_ROOT", str(VAR_DIR / "static"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PROFILE == "production"
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Outside production, serve straight from the app folders so no collectstatic step is needed.
WHITENOISE_USE_FINDERS = PROFILE != "production"
WHITENOISE_AUTOREFRESH = PROFILE == "dev"

"""Uploaded documents (attachments on a household's timeline): stored outside the web root and served
only through a page that checks the access policy; never under STATIC_URL or a media URL."""

from . import env
from .base import VAR_DIR
from .static import STORAGES

DOCUMENTS_ROOT = env.string("DOCUMENTS_ROOT", str(VAR_DIR / "documents"))
DOCUMENT_MAX_BYTES = env.integer("DOCUMENT_MAX_BYTES", 10 * 1024 * 1024)

STORAGES["documents"] = {
    "BACKEND": "stuurman.files.storage.DocumentStorage",
    "OPTIONS": {"file_permissions_mode": 0o600},
}

"""Where attachments live: DOCUMENTS_ROOT, outside the web root, read from settings when used (so an
operator's or a test's setting applies even though model fields bind their storage at import)."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class DocumentStorage(FileSystemStorage):
    @property
    def base_location(self):
        return settings.DOCUMENTS_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None  # never served by URL; only through the policy-checked attachment page

"""Which uploads are accepted: the type is read from the file's first bytes, not trusted from its name
or the browser, and the size is capped (settings.DOCUMENT_MAX_BYTES). Pure checks plus one helper."""

from django.conf import settings
from django.core.exceptions import ValidationError

# Signature -> (content type, extensions it may carry).
_SIGNATURES = (
    (b"%PDF-", "application/pdf", (".pdf",)),
    (b"\x89PNG\r\n\x1a\n", "image/png", (".png",)),
    (b"\xff\xd8\xff", "image/jpeg", (".jpg", ".jpeg")),
    (
        b"PK\x03\x04",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (".docx",),
    ),
)


def content_type_of(name: str, head: bytes) -> str:
    """The accepted content type for this file, or a ValidationError saying why it is refused."""
    lower = name.lower()
    for signature, content_type, extensions in _SIGNATURES:
        if head.startswith(signature):
            if not lower.endswith(extensions):
                raise ValidationError(f"De inhoud van {name} past niet bij de extensie van de bestandsnaam.")
            return content_type
    raise ValidationError(
        f"{name}: alleen PDF, PNG, JPEG en Word-documenten (.docx) kunnen worden toegevoegd."
    )


def check_upload(upload) -> str:
    if upload.size > settings.DOCUMENT_MAX_BYTES:
        limit = settings.DOCUMENT_MAX_BYTES // (1024 * 1024)
        raise ValidationError(f"{upload.name} is te groot; het maximum is {limit} MB.")
    head = upload.read(16)
    upload.seek(0)
    return content_type_of(upload.name, head)

"""The household's timeline: contacts and notes with attachments checked by content, served only
through the policy and logged; corrections are new entries."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from stuurman.files.models import Attachment, TimelineEntry
from stuurman.privacy.models import AccessLog

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%fake but starts right\n"


@pytest.fixture(autouse=True)
def documents_in_tmp(settings, tmp_path):
    settings.DOCUMENTS_ROOT = str(tmp_path)
    return tmp_path


def post_entry(client, home, *files, text="Gebeld met Els; zij vraagt om een gesprek."):
    return client.post(
        reverse("files:timeline", kwargs={"household_id": home.pk}),
        {
            "kind": "call",
            "happened_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "text": text,
            "attachments": list(files),
        },
    )


def test_a_contact_with_an_attachment_lands_on_the_timeline_and_is_served_only_through_the_policy(
    client, world, documents_in_tmp
):
    client.force_login(world["consultant"])
    response = post_entry(client, world["home"], SimpleUploadedFile("brief.pdf", PDF, "application/pdf"))
    assert response.status_code == 302
    document = Attachment.objects.get()
    assert (document.content_type, document.original_name) == ("application/pdf", "brief.pdf")
    assert str(documents_in_tmp) in document.file.path, "stored outside the web root"

    url = reverse("files:attachment", kwargs={"household_id": world["home"].pk, "attachment_id": document.pk})
    download = client.get(url)
    assert b"".join(download.streaming_content) == PDF
    assert AccessLog.objects.filter(object_type="attachment").count() == 1
    client.force_login(world["other"])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "alleen PDF"),
        ("brief.pdf", b"\x89PNG\r\n\x1a\nplaatje", "past niet bij de extensie"),
    ],
)
def test_uploads_are_checked_by_content_and_nothing_is_stored_when_one_is_refused(
    client, world, name, content, message
):
    client.force_login(world["consultant"])
    response = post_entry(client, world["home"], SimpleUploadedFile(name, content))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not TimelineEntry.objects.exists()


def test_an_upload_over_the_limit_is_refused(client, world, settings):
    settings.DOCUMENT_MAX_BYTES = 10
    client.force_login(world["consultant"])
    response = post_entry(client, world["home"], SimpleUploadedFile("groot.pdf", PDF))
    assert "te groot" in response.content.decode()


def test_a_correction_is_a_new_entry_and_the_original_stays(client, world):
    client.force_login(world["consultant"])
    post_entry(client, world["home"], text="Afspraak op dinsdag.")
    original = TimelineEntry.objects.get()
    client.post(
        reverse("files:timeline_correct", kwargs={"household_id": world["home"].pk, "entry_id": original.pk}),
        {"text": "Afspraak is op woensdag, niet dinsdag."},
    )
    assert TimelineEntry.objects.count() == 2
    original.refresh_from_db()
    assert original.text == "Afspraak op dinsdag."
    assert TimelineEntry.objects.get(corrects=original).text.startswith("Afspraak is op woensdag")

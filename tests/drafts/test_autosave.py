"""The draft protocol through its first user, the household timeline: saves and discards on the
page's own URL, guarded by the page's policy; the draft comes back on the next visit and is gone
once the entry is saved."""

import pytest
from django.urls import reverse
from django.utils import timezone

from stuurman.drafts.models import Draft
from stuurman.files.models import TimelineEntry
from stuurman.privacy.models import AccessLog

pytestmark = pytest.mark.django_db

SAVE = {"headers": {"X-Stuurman-Draft": "save"}}
DISCARD = {"headers": {"X-Stuurman-Draft": "discard"}}


def url(world):
    return reverse("files:timeline", kwargs={"household_id": world["home"].pk})


def fields(text="Gebeld met mevrouw Pietersen; ze wil een gesprek.", kind="visit"):
    return {"kind": kind, "happened_at": "2026-03-02T10:15", "text": text}


def test_a_save_is_stored_for_the_page_and_comes_back_on_the_next_visit(client, world):
    client.force_login(world["consultant"])
    response = client.post(url(world), fields(), **SAVE)
    assert response.status_code == 200
    draft = Draft.objects.get()
    assert response.json() == {"saved_at": draft.saved_at_iso}
    assert (draft.key, draft.household, draft.user) == (url(world), world["home"], world["consultant"])
    assert draft.data["text"] == ["Gebeld met mevrouw Pietersen; ze wil een gesprek."]
    assert not TimelineEntry.objects.exists(), "a draft is not an entry"

    page = client.get(url(world)).content.decode()
    assert "Gebeld met mevrouw Pietersen; ze wil een gesprek.</textarea>" in page
    assert '<option value="visit" selected>' in page
    assert 'value="2026-03-02T10:15"' in page
    assert f'data-draft-saved-at="{draft.saved_at_iso}"' in page
    assert "is teruggezet" in page
    assert "Concept weggooien" in page


def test_without_a_draft_the_form_is_fresh_and_the_discard_button_hidden(client, world):
    client.force_login(world["consultant"])
    page = client.get(url(world)).content.decode()
    assert 'data-draft data-draft-saved-at=""' in page
    assert "data-draft-discard hidden" in page
    assert "is teruggezet" not in page


def test_a_colleague_on_the_same_file_does_not_see_my_draft(client, world):
    client.force_login(world["consultant"])
    client.post(url(world), fields(text="Alleen voor mij"), **SAVE)
    client.force_login(world["colleague"])
    page = client.get(url(world)).content.decode()
    assert "Alleen voor mij" not in page
    assert 'data-draft-saved-at=""' in page


def test_someone_not_involved_gets_404_and_nothing_is_stored(client, world):
    client.force_login(world["other"])
    assert client.post(url(world), fields(), **SAVE).status_code == 404
    assert client.post(url(world), {}, **DISCARD).status_code == 404
    assert not Draft.objects.exists()


def test_someone_who_may_read_but_not_write_the_timeline_cannot_store_a_draft(client, world):
    client.force_login(world["front_door"])
    response = client.post(url(world), fields(), **SAVE)
    assert response.status_code == 403
    assert not Draft.objects.exists()


def test_a_draft_too_large_is_refused_with_413_and_says_why(client, world, settings):
    settings.DRAFT_MAX_BYTES = 2000
    client.force_login(world["consultant"])
    response = client.post(url(world), fields(text="x" * 2500), **SAVE)
    assert response.status_code == 413
    assert "te groot" in response.json()["error"]
    assert not Draft.objects.exists()


def test_a_body_far_over_the_limit_is_refused_before_it_is_read(client, world, settings):
    settings.DRAFT_MAX_BYTES = 1000
    client.force_login(world["consultant"])
    response = client.post(url(world), fields(text="x" * 20_000), **SAVE)
    assert response.status_code == 413
    assert not Draft.objects.exists()


def test_an_unknown_draft_command_is_refused(client, world):
    client.force_login(world["consultant"])
    assert client.post(url(world), fields(), headers={"X-Stuurman-Draft": "publish"}).status_code == 400
    assert not Draft.objects.exists()


def test_discard_removes_the_draft_and_the_next_page_tells_the_browser(client, world):
    client.force_login(world["consultant"])
    client.post(url(world), fields(), **SAVE)
    assert client.post(url(world), {}, **DISCARD).status_code == 204
    assert not Draft.objects.exists()
    assert AccessLog.objects.filter(object_type="draft", action="delete").count() == 1

    page = client.get(url(world)).content.decode()
    assert f'<meta name="stuurman-drafts-cleared" content="{url(world)}">' in page
    assert "Het concept is weggegooid." in page
    assert "Gebeld met mevrouw" not in page
    assert "stuurman-drafts-cleared" not in client.get(url(world)).content.decode(), "told once"


def test_the_discard_button_works_without_script(client, world):
    client.force_login(world["consultant"])
    client.post(url(world), fields(), **SAVE)
    response = client.post(url(world), {**fields(), "stuurman-draft": "discard"})
    assert response.status_code == 302
    assert response["Location"] == url(world)
    assert not Draft.objects.exists()
    assert not TimelineEntry.objects.exists(), "discarding does not record the entry"


def test_saving_the_entry_discards_the_draft(client, world):
    client.force_login(world["consultant"])
    client.post(url(world), fields(text="Eerst een concept"), **SAVE)
    now = timezone.localtime().strftime("%Y-%m-%dT%H:%M")
    response = client.post(url(world), {"kind": "call", "happened_at": now, "text": "Het echte verslag"})
    assert response.status_code == 302
    assert TimelineEntry.objects.get().text == "Het echte verslag"
    assert not Draft.objects.exists()
    page = client.get(url(world)).content.decode()
    assert 'name="stuurman-drafts-cleared"' in page
    assert "Eerst een concept" not in page


def test_a_form_with_errors_shows_what_was_posted_not_the_older_draft(client, world):
    client.force_login(world["consultant"])
    client.post(url(world), fields(text="oudere tekst"), **SAVE)
    response = client.post(url(world), {"kind": "call", "happened_at": "", "text": "nieuwere tekst"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "nieuwere tekst</textarea>" in page
    assert "oudere tekst" not in page
    assert "is teruggezet" not in page
    assert Draft.objects.exists(), "the draft stays until the entry is saved"


def test_every_page_loads_the_drafts_script(client, world):
    client.force_login(world["consultant"])
    page = client.get(reverse("home")).content.decode()
    assert "site/js/drafts.js" in page
    assert "data-drafts-logout" in page


def test_the_generic_form_page_takes_part_when_asked(rf, world):
    from django.template.loader import render_to_string

    from stuurman.site.forms import Form

    request = rf.get("/ergens/")
    request.user, request.session = world["consultant"], {}
    context = {"title": "Iets", "forms": [Form()], "submit": "Opslaan", "cancel": "/"}
    assert "data-draft-saved-at" not in render_to_string("site/form_page.html", context, request)
    page = render_to_string("site/form_page.html", {**context, "autosave": True, "draft": None}, request)
    assert 'data-draft data-draft-saved-at=""' in page
    assert page.index("Opslaan</button>") < page.index("data-draft-discard"), "Enter submits the form"

"""The drafts write path on its own: the stored shape, restoring into any form (multi-value fields
included), retention and the log."""

import importlib
from datetime import timedelta

import pytest
from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.http import QueryDict
from django.test import RequestFactory
from django.utils import timezone

from stuurman.drafts import services
from stuurman.drafts.models import Draft
from stuurman.privacy.models import AccessLog

pytestmark = pytest.mark.django_db

KEY = "/huishoudens/1/formulier/"


class Everything(forms.Form):
    """One field of each kind whose value is not a single string."""

    text = forms.CharField(required=False)
    helpers = forms.MultipleChoiceField(
        required=False,
        choices=[("kees", "Kees"), ("ans", "Ans"), ("riek", "Riek")],
        widget=forms.CheckboxSelectMultiple,
    )
    domains = forms.MultipleChoiceField(
        required=False, choices=[("fin", "Financiën"), ("work", "Werk"), ("home", "Huisvesting")]
    )
    urgent = forms.BooleanField(required=False, initial=True)
    place = forms.CharField(required=False, initial="thuis")
    attachment = forms.FileField(required=False)


def request_by(user, path=KEY):
    request = RequestFactory().post(path)
    request.user = user
    request.session = {}
    return request


def posted(**lists):
    data = QueryDict(mutable=True)
    data["csrfmiddlewaretoken"] = "not-kept"
    for name, values in lists.items():
        data.setlist(name, values)
    return data


def test_a_draft_keeps_every_value_and_comes_back_into_an_unbound_form(world):
    user, home = world["consultant"], world["home"]
    data = posted(text=["Eerste zin.\nTweede zin."], helpers=["kees", "riek"], domains=["fin", "home"])
    draft = services.save(request_by(user), home, world["involvement"], KEY, data)
    assert draft.data == {
        "text": ["Eerste zin.\nTweede zin."],
        "helpers": ["kees", "riek"],
        "domains": ["fin", "home"],
    }, "the CSRF token is not kept"

    form = Everything()
    restored = services.restore(request_by(user), form, KEY)
    assert restored == draft
    assert restored.restored
    assert form["text"].value() == "Eerste zin.\nTweede zin."
    assert form["helpers"].value() == ["kees", "riek"]
    assert form["domains"].value() == ["fin", "home"]
    assert form["urgent"].value() is False, "an unticked checkbox is restored as unticked"
    assert form["place"].value() == "thuis", "a field the draft does not name keeps its own initial"
    html = str(form)
    assert html.count("checked") == 2
    assert html.count("selected") == 2


def test_a_prefixed_form_restores_its_own_fields(world):
    user = world["consultant"]
    services.save(
        request_by(user), world["home"], None, KEY, posted(**{"a-text": ["voor a"], "text": ["los"]})
    )
    form = Everything(prefix="a")
    services.restore(request_by(user), form, KEY)
    assert form["text"].value() == "voor a"


def test_a_bound_form_keeps_what_was_posted(world):
    user = world["consultant"]
    services.save(request_by(user), world["home"], None, KEY, posted(text=["het concept"]))
    form = Everything({"text": "wat net is verstuurd"})
    draft = services.restore(request_by(user), form, KEY)
    assert draft is not None
    assert not draft.restored
    assert form["text"].value() == "wat net is verstuurd"


def test_saving_again_replaces_the_draft_and_every_save_is_logged(world):
    user, home, grant = world["consultant"], world["home"], world["involvement"]
    services.save(request_by(user), home, grant, KEY, posted(text=["een"]))
    services.save(request_by(user), home, grant, KEY, posted(text=["een twee"]))
    assert Draft.objects.get().data == {"text": ["een twee"]}
    rows = AccessLog.objects.filter(object_type="draft")
    assert rows.count() == 2
    row = rows.last()
    members = sorted(home.memberships.values_list("person_id", flat=True))
    assert (row.action, row.purpose, row.person_ids) == ("update", "Concept opgeslagen", members)
    assert row.involvement_id == grant.pk
    assert row.team == "Team A"


def test_only_the_author_gets_their_draft_back(world):
    services.save(request_by(world["consultant"]), world["home"], None, KEY, posted(text=["van mij"]))
    form = Everything()
    assert services.restore(request_by(world["colleague"]), form, KEY) is None
    assert form["text"].value() is None


def test_a_draft_too_large_is_refused_and_nothing_is_stored(world, settings):
    settings.DRAFT_MAX_BYTES = 1000
    with pytest.raises(services.DraftTooLarge, match="te groot"):
        services.save(request_by(world["consultant"]), world["home"], None, KEY, posted(text=["x" * 1001]))
    assert not Draft.objects.exists()
    assert not AccessLog.objects.exists()


def test_drafts_past_retention_are_not_restored_and_are_purged(world, settings):
    settings.DRAFT_RETENTION_DAYS = 14
    user, home = world["consultant"], world["home"]
    old = services.save(request_by(user), home, None, KEY, posted(text=["oud"]))
    Draft.objects.filter(pk=old.pk).update(saved_at=timezone.now() - timedelta(days=14, minutes=1))
    assert services.restore(request_by(user), Everything(), KEY) is None

    call_command("purge-drafts")
    assert not Draft.objects.exists()


def test_every_save_purges_expired_drafts_of_anyone(world, settings):
    settings.DRAFT_RETENTION_DAYS = 3
    old = services.save(request_by(world["colleague"]), world["home"], None, KEY, posted(text=["oud"]))
    recent = services.save(request_by(world["colleague"]), world["home"], None, "/ander/", posted(text=["x"]))
    Draft.objects.filter(pk=old.pk).update(saved_at=timezone.now() - timedelta(days=4))
    services.save(request_by(world["consultant"]), world["home"], None, KEY, posted(text=["nieuw"]))
    assert set(Draft.objects.values_list("pk", flat=True)) == {
        recent.pk,
        Draft.objects.get(user=world["consultant"]).pk,
    }


def test_discard_deletes_logs_and_remembers_the_key_for_the_next_page(world):
    user, home, grant = world["consultant"], world["home"], world["involvement"]
    services.save(request_by(user), home, grant, KEY, posted(text=["weg ermee"]))
    request = request_by(user)
    assert services.discard(request, KEY, grant=grant) is True
    assert not Draft.objects.exists()
    row = AccessLog.objects.get(action="delete")
    assert (row.object_type, row.purpose, row.involvement_id) == ("draft", "Concept verwijderd", grant.pk)
    assert services.pop_cleared(request) == [KEY]
    assert services.pop_cleared(request) == [], "told once"


def test_discard_without_a_server_draft_still_tells_the_browser(world):
    request = request_by(world["consultant"])
    assert services.discard(request, KEY) is False
    assert not AccessLog.objects.exists(), "nothing was deleted, so nothing to log"
    assert services.pop_cleared(request) == [KEY]


def test_discard_finds_the_grant_itself_when_not_given(world):
    services.save(request_by(world["consultant"]), world["home"], None, KEY, posted(text=["x"]))
    services.discard(request_by(world["consultant"]), KEY)
    assert AccessLog.objects.get(action="delete").involvement_id == world["involvement"].pk


def test_the_retention_setting_must_be_at_least_a_day(monkeypatch):
    import stuurman.settings.drafts as module

    monkeypatch.setenv("STUURMAN_DRAFT_RETENTION_DAYS", "0")
    with pytest.raises(ImproperlyConfigured, match="STUURMAN_DRAFT_RETENTION_DAYS"):
        importlib.reload(module)
    monkeypatch.setenv("STUURMAN_DRAFT_RETENTION_DAYS", "30")
    assert importlib.reload(module).DRAFT_RETENTION_DAYS == 30
    monkeypatch.delenv("STUURMAN_DRAFT_RETENTION_DAYS")
    assert importlib.reload(module).DRAFT_RETENTION_DAYS == 14

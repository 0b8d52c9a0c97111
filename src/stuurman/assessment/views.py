"""Conversation pages: record a conversation, score the domains it needs, see and override what the
rules suggest, sign and download the report. Each view declares its access policy and logs."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from stuurman import drafts
from stuurman.privacy import log
from stuurman.privacy.declarations import household_file
from stuurman.privacy.policy import purpose_of

from . import classifications, conversations, report, scoring
from .forms import ChoiceForm, ConversationForm, ScoringForm, SignForm
from .models import Classification, InstrumentVersion


def _conversation(household, conversation_id):
    return get_object_or_404(household.conversations.select_related("recorded_by"), pk=conversation_id)


def _read(request, grant, household, conversation, purpose):
    log.record(
        request,
        log.Action.READ,
        purpose=f"{purpose_of(grant)}: {purpose}",
        persons=conversations.current_members(household),
        objects=[conversation],
        object_type="conversation",
        grant=grant,
    )


def _edit(request, household, grant, conversation):
    # What is typed at the kitchen table is kept as a draft while typing (docs/adr/0007-drafts.md).
    if (answer := drafts.autosave(request, household, grant)) is not None:
        return answer
    form = ConversationForm(request.POST or None, instance=conversation, household=household)
    draft = drafts.restore(request, form)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = conversations.save(
                request,
                form.save(commit=False),
                members=data["members_present"],
                network=data["network_present"],
                requests=data["requests"],
                grant=grant,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            drafts.discard(request, grant=grant)
            messages.success(request, "Het gesprek is vastgelegd.")
            return redirect("assessment:conversation", household_id=household.pk, conversation_id=saved.pk)
    if conversation.pk:
        cancel = reverse("assessment:conversation", args=[household.pk, conversation.pk])
    else:
        cancel = reverse("files:household", args=[household.pk])
    context = {
        "title": f"Gesprek met {household.name}",
        "forms": [form],
        "cancel": cancel,
        "submit": "Opslaan",
        "autosave": True,
        "draft": draft,
    }
    return render(request, "site/form_page.html", context, status=400 if form.errors else 200)


@household_file("assessment.add_conversation")
def new(request, household, grant):
    conversation = household.conversations.model(household=household)
    return _edit(request, household, grant, conversation)


@household_file("assessment.add_conversation")
def edit(request, household, grant, conversation_id):
    return _edit(request, household, grant, _conversation(household, conversation_id))


@household_file("assessment.view_conversation")
def detail(request, household, grant, conversation_id):
    conversation = _conversation(household, conversation_id)
    sign_form = SignForm()
    if request.method == "POST":
        if not request.user.has_perm("assessment.add_conversation"):
            return HttpResponse(status=403)
        sign_form = SignForm(request.POST)
        if sign_form.is_valid():
            try:
                applied = conversations.sign(
                    request,
                    conversation,
                    sign_form.cleaned_data["signed_on"],
                    as_application=sign_form.cleaned_data["as_application"],
                    grant=grant,
                )
            except ValidationError as error:
                sign_form.add_error(None, error)
            else:
                messages.success(request, _signed_message(conversation, applied))
                return redirect(request.path)
    assessments = conversation.assessments.select_related("person", "version").order_by("pk")
    _read(request, grant, household, conversation, "gesprek")
    context = {
        "household": household,
        "conversation": conversation,
        "members": conversation.members_present.order_by("first_names"),
        "network": conversation.network_present.order_by("circle", "name"),
        "requests": conversation.requests.order_by("pk"),
        "assessments": assessments,
        "sign_form": sign_form,
    }
    return render(request, "assessment/conversation.html", context, status=400 if sign_form.errors else 200)


def _signed_message(conversation, applied) -> str:
    text = f"Het verslag is ondertekend op {conversation.report_signed_on:%d-%m-%Y}."
    for request in applied:
        text += (
            f" Het geldt als aanvraag voor melding {request.pk}: {request.next_deadline.lower()} uiterlijk"
        )
        text += f" {request.next_due:%d-%m-%Y}."
    return text


@household_file("assessment.view_conversation")
def report_pdf(request, household, grant, conversation_id):
    conversation = _conversation(household, conversation_id)
    content = report.pdf(conversation)
    log.record(
        request,
        log.Action.PRINT,
        purpose="Verslag van het gesprek",
        persons=conversations.current_members(household),
        objects=[conversation],
        object_type="conversation",
        grant=grant,
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="verslag-{conversation.held_on:%Y-%m-%d}.pdf"'
    return response


def _default_law(request, conversation) -> str:
    if "wet" in request.GET:
        return request.GET["wet"]
    laws = set(conversation.requests.exclude(law="").values_list("law", flat=True))
    return laws.pop() if len(laws) == 1 else ""


@household_file("assessment.add_conversation")
def score(request, household, grant, conversation_id):
    conversation = _conversation(household, conversation_id)
    if (answer := drafts.autosave(request, household, grant)) is not None:
        return answer
    version = InstrumentVersion.objects.filter(instrument="zrm").order_by("-version").first()
    form = ScoringForm(
        request.POST or None,
        household=household,
        version=version,
        law=_default_law(request, conversation),
        show_sensitive=request.user.has_perm("assessment.view_sensitive_scores"),
    )
    draft = drafts.restore(request, form)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        try:
            assessment = scoring.record(request, conversation, person, version, form.choices(), form.facts())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            drafts.discard(request, grant=grant)
            messages.success(request, f"Scores van {person} vastgelegd.")
            return redirect(
                "assessment:assessment",
                household_id=household.pk,
                conversation_id=conversation.pk,
                assessment_id=assessment.pk,
            )
    context = {
        "household": household,
        "conversation": conversation,
        "form": form,
        "version": version,
        "draft": draft,
    }
    return render(request, "assessment/score.html", context, status=400 if form.errors else 200)


@household_file("assessment.view_conversation")
def assessment(request, household, grant, conversation_id, assessment_id):
    """The scores of one person and what the rules suggest; the professional may choose otherwise."""
    conversation = _conversation(household, conversation_id)
    found = get_object_or_404(
        conversation.assessments.select_related("person", "version", "ladder"), pk=assessment_id
    )
    rule_set = classifications.active_rule_set()
    kept = {c.kind: c for c in found.classifications.all()}
    failed = None
    if request.method == "POST":
        if not request.user.has_perm("assessment.add_conversation"):
            return HttpResponse(status=403)
        kind = request.POST.get("kind", "")
        form = ChoiceForm(
            request.POST, options=classifications.options(kind, rule_set), auto_id=f"id_{kind}_%s"
        )
        if form.is_valid():
            try:
                classifications.choose(
                    request, found, kind, form.cleaned_data["chosen"], form.cleaned_data["reason"]
                )
            except ValidationError as error:
                form.add_error("reason", error)
            else:
                messages.success(request, "Uw keuze is vastgelegd; de suggestie blijft bewaard.")
                return redirect(request.path)
        failed = (kind, form)
    rows = []
    for kind, kind_label in Classification.Kind.choices:
        options = classifications.options(kind, rule_set)
        if not options:
            continue
        current = kept.get(kind)
        if failed and failed[0] == kind:
            form = failed[1]
        else:
            initial = {"chosen": current.chosen if current else ""}
            form = ChoiceForm(options=options, initial=initial, auto_id=f"id_{kind}_%s")
        rows.append(
            {
                "kind": kind,
                "label": kind_label,
                "kept": current,
                "suggested": classifications.label(kind, current.suggested, rule_set) if current else "",
                "chosen": classifications.label(kind, current.chosen, rule_set) if current else "",
                "form": form,
            }
        )
    _read(request, grant, household, conversation, f"beoordeling van {found.person}")
    context = {
        "household": household,
        "conversation": conversation,
        "assessment": found,
        "scores": _labelled(scoring.visible_scores(request.user, found), found.version),
        "ladder": _ladder_text(found),
        "rows": rows,
    }
    return render(request, "assessment/assessment.html", context, status=400 if failed else 200)


def _labelled(scores, version):
    labels = dict(version.levels.filter(domain=None).values_list("score", "label"))
    scores = list(scores)
    for item in scores:
        item.label = f"{item.score} — {labels.get(item.score, '')}" if item.score else "niet beoordeeld"
    return scores


def _ladder_text(assessment) -> str:
    if assessment.ladder is None:
        return ""
    labels = dict(assessment.ladder.levels.filter(domain=None).values_list("score", "label"))

    def rung(number):
        return f"trede {number} ({labels.get(number, '')})" if number else "niet vastgelegd"

    return f"nu {rung(assessment.rung_now)}, haalbaar {rung(assessment.rung_attainable)}"

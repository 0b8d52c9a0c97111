"""The conversation report (verslag) for the inhabitant: a tagged PDF in plain Dutch with the
question, what was found per domain, what the person and their network will do, what is proposed,
and room for the inhabitant's own remarks. Justitie scores are left out: the report goes to the
inhabitant's home."""

from django.template.loader import render_to_string
from django.utils import timezone

from .models import Conversation, Level


def context(conversation: Conversation) -> dict:
    assessments = list(
        conversation.assessments.select_related("person", "version").prefetch_related("scores__domain")
    )
    labels = {
        (level.version_id, level.score): level.label
        for level in Level.objects.filter(version__in={a.version_id for a in assessments}, domain=None)
    }
    found = [
        {
            "person": assessment.person,
            "version": assessment.version,
            "scores": [
                {
                    "domain": score.domain,
                    "score": score.score,
                    "label": labels.get((assessment.version_id, score.score), "niet beoordeeld"),
                }
                for score in sorted(assessment.scores.all(), key=lambda s: s.domain.order)
                if not score.domain.sensitive
            ],
        }
        for assessment in assessments
    ]
    present = list(conversation.members_present.order_by("first_names"))
    if not present:
        members = conversation.household.memberships.filter(until__isnull=True).select_related("person")
        present = [m.person for m in members]
    return {
        "conversation": conversation,
        "household": conversation.household,
        "members": present,
        "network": list(conversation.network_present.order_by("circle", "name")),
        "found": found,
        "wmo": conversation.requests.filter(law="wmo").exists(),
        "today": timezone.localdate(),
    }


def pdf(conversation: Conversation) -> bytes:
    from weasyprint import HTML

    html = render_to_string("assessment/report.html", context(conversation))
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")

"""The receipt confirmation of a Wmo melding: a PDF letter and the same text for an e-mail.

It tells the inhabitant what now runs (their own plan within 7 days, the research within 6 weeks) and
that free, independent client support is available (Wmo 2015 art. 2.3.2 lid 1 and 2.2.4).
WeasyPrint is imported when a letter is made, so the rest of the system runs without its libraries.
"""

from django.template.loader import render_to_string
from django.utils import timezone

from . import deadlines
from .models import Request


def context(request: Request) -> dict:
    _receipt, own_plan, research = deadlines.wmo_after_melding(request.received_on)
    return {
        "request": request,
        "municipality": request.municipality,
        "addressee": request.person.full_name
        if request.person_id
        else request.unknown_name or "meneer, mevrouw",
        "today": timezone.localdate(),
        "own_plan": own_plan,
        "research": research,
    }


def email_text(request: Request) -> str:
    return render_to_string("intake/receipt_email.txt", context(request))


def pdf(request: Request) -> bytes:
    from weasyprint import HTML

    html = render_to_string("intake/receipt_letter.html", context(request))
    # PDF/UA: tagged structure, document language and title, for screen readers.
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")

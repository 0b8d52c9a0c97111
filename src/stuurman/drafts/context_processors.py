"""Tells the page which drafts the server threw away, so the browser drops its own copies too."""

from . import services


def cleared(request):
    # A callable, resolved only where base.html asks for it: a fragment or e-mail rendered in the
    # same request must not consume the flag before the page that shows it.
    return {"drafts_cleared": lambda: " ".join(services.pop_cleared(request))}

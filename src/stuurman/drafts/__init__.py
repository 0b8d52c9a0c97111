"""Drafts saved as you type: nothing typed into a form is lost on a bad connection.

A form view inside a ``household_file`` view integrates with three calls (docs/adr/0007-drafts.md)::

    from stuurman import drafts

    if (answer := drafts.autosave(request, household, grant)) is not None:
        return answer
    form = SomeForm(request.POST or None)
    draft = drafts.restore(request, form)      # before rendering; pass ``draft`` to the template
    ...                                        # after the real save succeeded:
    drafts.discard(request, grant=grant)
"""

import importlib

_EXPORTS = {
    "autosave": "views",
    "restore": "services",
    "discard": "services",
    "save": "services",
    "purge": "services",
}


def __getattr__(name):
    # Django imports this package while it loads INSTALLED_APPS, before models may be imported;
    # the functions are therefore looked up on first use rather than imported here.
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from stuurman.privacy.declarations import no_personal_data

from .homes import home_for


@no_personal_data
@login_required
def home(request):
    slug, page = home_for(request.user)
    return render(request, "site/home.html", {"home": page, "home_slug": slug})

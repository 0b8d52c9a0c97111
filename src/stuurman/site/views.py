from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .homes import home_for


@login_required
def home(request):
    slug, page = home_for(request.user)
    return render(request, "site/home.html", {"home": page, "home_slug": slug})

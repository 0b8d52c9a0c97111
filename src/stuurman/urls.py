"""Every view here declares its access policy (stuurman.privacy.declarations); a test checks all URLs."""

from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from stuurman.privacy.declarations import no_personal_data
from stuurman.site import views as site_views
from stuurman.site.admin_site import configuration_site
from stuurman.site.forms import LoginForm

login = auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=LoginForm)

urlpatterns = [
    path("", site_views.home, name="home"),
    path("inloggen/", no_personal_data(login), name="login"),
    path("uitloggen/", no_personal_data(auth_views.LogoutView.as_view()), name="logout"),
    path("i18n/setlang/", no_personal_data(set_language), name="set_language"),
    path("", include("stuurman.files.urls")),
    path("", include("stuurman.intake.urls")),
    path("", include("stuurman.assessment.urls")),
    path("", include("stuurman.catalog.urls")),
    path("", include("stuurman.monitoring.urls")),
    path("", include("stuurman.plans.urls")),
    path("privacy/", include("stuurman.privacy.urls")),
    path("inrichting/", configuration_site.urls),
]

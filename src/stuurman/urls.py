from django.contrib.auth import views as auth_views
from django.urls import include, path

from stuurman.site import views as site_views
from stuurman.site.admin_site import configuration_site

urlpatterns = [
    path("", site_views.home, name="home"),
    path("inloggen/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("inrichting/", configuration_site.urls),
]

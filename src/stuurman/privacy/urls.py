"""Pages of this app; each view declares its access policy (stuurman.privacy.declarations)."""

app_name = "privacy"

urlpatterns = []

"""Pages of this app; each view declares its access policy (stuurman.privacy.declarations)."""

app_name = "files"

urlpatterns = []

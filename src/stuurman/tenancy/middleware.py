"""Staff work in the context of their municipality: ``request.municipality``."""


def current_municipality(get_response):
    def middleware(request):
        user = getattr(request, "user", None)
        request.municipality = getattr(user, "municipality", None) if user and user.is_authenticated else None
        return get_response(request)

    return middleware

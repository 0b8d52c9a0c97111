"""Headers Django's SecurityMiddleware does not set."""

from django.conf import settings
from django.utils import translation


def security_headers(get_response):
    def middleware(request):
        response = get_response(request)
        response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response

    return middleware


def chosen_language(get_response):
    """Dutch unless the user picked another language with the switch (a cookie).

    Django's LocaleMiddleware follows the browser's Accept-Language, which would show a Dutch
    municipality's staff English pages just because their browser came set up that way.
    """
    languages = dict(settings.LANGUAGES)

    def middleware(request):
        code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        translation.activate(code if code in languages else settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()
        response = get_response(request)
        response.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response

    return middleware

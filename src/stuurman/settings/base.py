"""Applications, middleware, templates and authentication."""

from pathlib import Path

from . import env

PROFILE = env.profile()
PACKAGE_DIR = Path(__file__).resolve().parent.parent
# var/ holds what a local run creates: the SQLite database, benchmark results, collected static files.
VAR_DIR = Path(env.string("STUURMAN_VAR_DIR", str(PACKAGE_DIR.parent.parent / "var")))

DEBUG = env.boolean("DEBUG", PROFILE == "dev")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "simple_history",
    "stuurman.site",
    "stuurman.tenancy",
    "stuurman.accounts",
    "stuurman.people",
    "stuurman.privacy",
    "stuurman.files",
    "stuurman.drafts",
    "stuurman.intake",
    "stuurman.assessment",
    "stuurman.catalog",
    "stuurman.plans",
    "stuurman.monitoring",
    "stuurman.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "stuurman.site.middleware.security_headers",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "stuurman.site.middleware.chosen_language",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "stuurman.tenancy.middleware.current_municipality",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "stuurman.urls"
WSGI_APPLICATION = "stuurman.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "stuurman.site.context_processors.shell",
                "stuurman.privacy.context_processors.emergency",
                "stuurman.drafts.context_processors.cleared",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    # Kept only so hashes made elsewhere can still be verified and upgraded on login.
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

FORM_RENDERER = "stuurman.site.forms.Renderer"

# The access policy's covering index (privacy.Involvement) only matters on PostgreSQL; SQLite, for a
# first local run, ignores its INCLUDE columns, which is fine.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

"""Settings for the test suite: fast hashing, tasks run inline, mail kept in memory."""

from __future__ import annotations

from steward.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
DEBUG = False
SECRET_KEY = "steward-test-secret-key-not-the-development-one-0123456789"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"handlers": [], "level": "WARNING"},
}

MEDIA_ROOT = DATA_DIR / "test-media"  # noqa: F405

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not the in-memory default: shared-cache memory databases lock whole tables and
    # fail at once under concurrent writers, where a file in WAL mode waits its turn like
    # production does. pytest-xdist gives every worker its own file (suffix _gwN).
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(DATA_DIR / "test-steward.sqlite3")  # noqa: F405
    }

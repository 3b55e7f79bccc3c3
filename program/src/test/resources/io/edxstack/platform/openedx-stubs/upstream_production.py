"""Stand-in for edx-platform's {lms,cms}/envs/production.py: what it does with the YAML before Tutor's settings."""
import os

import yaml

SERVICE_VARIANT = os.environ["SERVICE_VARIANT"]
CONFIG_FILE = os.environ[SERVICE_VARIANT.upper() + "_CFG"]

LOG_DIR = "/openedx/data/logs"
STATIC_ROOT = "/openedx/staticfiles"
DATA_DIR = "/openedx/data"
FEATURES = {"ENABLE_OAUTH2_PROVIDER": False, "ENABLE_CORS_HEADERS": False}
INSTALLED_APPS = ["lms.djangoapps.coursewarehistoryextended", "django.contrib.auth"]
DATABASE_ROUTERS = ["openedx.core.lib.django_courseware_routers.StudentModuleHistoryExtendedRouter"]
LOGGING = {"handlers": {"console": {}}, "loggers": {"tracking": {"handlers": ["console"]}}}
VIDEO_IMAGE_SETTINGS = {"STORAGE_KWARGS": {}}
VIDEO_TRANSCRIPTS_SETTINGS = {"STORAGE_KWARGS": {}}
REGISTRATION_EXTRA_FIELDS = {}
PROFILE_IMAGE_BACKEND = {"options": {}}
IDA_LOGOUT_URI_LIST = []
CSRF_TRUSTED_ORIGINS = []
LOGIN_REDIRECT_WHITELIST = []
JWT_AUTH = {}
STORAGES = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
MODULESTORE = {
    "default": {
        "ENGINE": "xmodule.modulestore.mixed.MixedModuleStore",
        "OPTIONS": {
            "mappings": {},
            "stores": [
                {"NAME": "split", "ENGINE": "xmodule.modulestore.split_mongo.split_draft.DraftVersioningModuleStore",
                 "DOC_STORE_CONFIG": {"host": "localhost", "port": 27017, "db": "edxapp"},
                 "OPTIONS": {"default_class": "xmodule.hidden_block.HiddenBlock", "fs_root": DATA_DIR}},
                {"NAME": "draft", "ENGINE": "xmodule.modulestore.mongo.DraftMongoModuleStore",
                 "DOC_STORE_CONFIG": {"host": "localhost", "port": 27017, "db": "edxapp"},
                 "OPTIONS": {"default_class": "xmodule.hidden_block.HiddenBlock", "fs_root": DATA_DIR}},
            ],
        },
    }
}

with open(CONFIG_FILE, encoding="utf-8") as f:
    ENV_TOKENS = yaml.safe_load(f)

_features = ENV_TOKENS.pop("FEATURES", {}) or {}
vars().update(ENV_TOKENS)
FEATURES.update(_features)

# As upstream: every database's credentials are read while the module loads (a KeyError stops the service).
for _name, _database in DATABASES.items():
    if _name != "read_replica":
        _database.update({
            "ENGINE": os.environ.get("DB_MIGRATION_ENGINE", _database["ENGINE"]),
            "USER": os.environ.get("DB_MIGRATION_USER", _database["USER"]),
            "PASSWORD": os.environ.get("DB_MIGRATION_PASS", _database["PASSWORD"]),
            "NAME": os.environ.get("DB_MIGRATION_NAME", _database["NAME"]),
            "HOST": os.environ.get("DB_MIGRATION_HOST", _database["HOST"]),
            "PORT": os.environ.get("DB_MIGRATION_PORT", _database["PORT"]),
        })

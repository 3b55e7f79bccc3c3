"""Credentials for the Open edX settings under edxstack.

The settings YAML (LMS_CFG / CMS_CFG) is rendered by edxstack into a ConfigMap and holds no secret.
Every credential arrives as an environment variable that Kubernetes fills from a Secret; this module
puts them where edx-platform expects them. It is the same for every platform: nothing is templated.
"""
import json
import os

MEDIA_BACKEND = "storages.backends.s3boto3.S3Boto3Storage"


def _env(name, default=None):
    value = os.environ.get(name)
    return default if value in (None, "") else value


def _with_password(url, password):
    if not password or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    return scheme + "://:" + password + "@" + rest


def _mongo_stores(node):
    """Every MongoDB connection dict (they carry 'db' and 'host') anywhere under a setting."""
    if isinstance(node, dict):
        if "db" in node and "host" in node:
            yield node
        for value in node.values():
            yield from _mongo_stores(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _mongo_stores(value)


def apply(settings, service):
    settings["SECRET_KEY"] = os.environ["EDXSTACK_SECRET_KEY"]

    for database in settings["DATABASES"].values():
        database["USER"] = os.environ["EDXSTACK_MYSQL_USERNAME"]
        database["PASSWORD"] = os.environ["EDXSTACK_MYSQL_PASSWORD"]

    for name in ("DOC_STORE_CONFIG", "CONTENTSTORE", "MODULESTORE"):
        for store in _mongo_stores(settings.get(name)):
            store["user"] = os.environ["EDXSTACK_MONGODB_USERNAME"]
            store["password"] = os.environ["EDXSTACK_MONGODB_PASSWORD"]

    redis_password = _env("EDXSTACK_REDIS_PASSWORD", "")
    for cache in settings.get("CACHES", {}).values():
        if str(cache.get("LOCATION", "")).startswith("redis"):
            cache["LOCATION"] = _with_password(cache["LOCATION"], redis_password)
    broker = "{}://{}/{}".format(settings["CELERY_BROKER_TRANSPORT"], settings["CELERY_BROKER_HOSTNAME"],
                                 settings["CELERY_BROKER_VHOST"])
    settings["BROKER_URL"] = settings["CELERY_BROKER_URL"] = _with_password(broker, redis_password)
    settings["CELERY_BROKER_PASSWORD"] = redis_password

    settings["MEILISEARCH_API_KEY"] = os.environ["EDXSTACK_MEILISEARCH_API_KEY"]

    settings["EMAIL_HOST_USER"] = _env("EDXSTACK_SMTP_USERNAME", "")
    settings["EMAIL_HOST_PASSWORD"] = _env("EDXSTACK_SMTP_PASSWORD", "")

    settings["AWS_ACCESS_KEY_ID"] = os.environ["AWS_ACCESS_KEY_ID"]
    settings["AWS_SECRET_ACCESS_KEY"] = os.environ["AWS_SECRET_ACCESS_KEY"]
    # Django 4.2+ refuses DEFAULT_FILE_STORAGE next to STORAGES: move it there when the release uses STORAGES.
    if isinstance(settings.get("STORAGES"), dict) and "DEFAULT_FILE_STORAGE" in settings:
        backend = settings.pop("DEFAULT_FILE_STORAGE")
        settings["STORAGES"].setdefault("default", {})["BACKEND"] = backend

    jwt = settings.setdefault("JWT_AUTH", {})
    jwt["JWT_SECRET_KEY"] = os.environ["EDXSTACK_JWT_SECRET_KEY"]
    jwt["JWT_ISSUERS"] = [{"ISSUER": jwt.get("JWT_ISSUER"), "AUDIENCE": jwt.get("JWT_AUDIENCE"),
                           "SECRET_KEY": jwt["JWT_SECRET_KEY"]}]
    private_key = _env("EDXSTACK_JWT_PRIVATE_KEY")
    if private_key:
        jwt.update(_signing_keys(private_key))

    if service == "cms":
        settings["SOCIAL_AUTH_EDX_OAUTH2_SECRET"] = os.environ["EDXSTACK_CMS_OAUTH2_SECRET"]


def _signing_keys(private_key_pem):
    """The asymmetric JWT signing settings from a PEM RSA key (PKCS#1 as Tutor writes it, or PKCS#8).

    PyJWT and cryptography come with edx-platform; pyjwkest no longer does (removed in Ulmo). The private JWK
    carries the CRT parameters (p, q, dp, dq, qi) that PyJWT needs to sign without recomputing them.
    """
    from cryptography.hazmat.primitives.serialization import load_pem_private_key
    from jwt.algorithms import RSAAlgorithm

    key = load_pem_private_key(private_key_pem.encode("ascii"), password=None)
    private_jwk = json.loads(RSAAlgorithm.to_jwk(key))
    public_jwk = json.loads(RSAAlgorithm.to_jwk(key.public_key()))
    for jwk in (private_jwk, public_jwk):
        jwk["kid"] = "openedx"
        jwk.pop("key_ops", None)
    return {
        "JWT_PRIVATE_SIGNING_JWK": json.dumps(private_jwk),
        "JWT_PUBLIC_SIGNING_JWK_SET": json.dumps({"keys": [public_jwk]}),
        "JWT_SIGNING_ALGORITHM": "RS512",
    }

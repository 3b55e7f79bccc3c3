"""Credentials for the Open edX settings under edxstack.

The settings YAML (LMS_CFG / CMS_CFG) is rendered by edxstack into a ConfigMap and holds no secret.
Every credential arrives as an environment variable that Kubernetes fills from a Secret; this module
puts them where edx-platform expects them. It is the same for every platform: nothing is templated.
"""
import hashlib
import hmac
import json
import math
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
    seed = _env("EDXSTACK_JWT_SIGNING_SEED")
    if private_key:
        from cryptography.hazmat.primitives.serialization import load_pem_private_key
        jwt.update(_signing_keys(load_pem_private_key(private_key.encode("ascii"), password=None)))
    elif seed:
        jwt.update(_signing_keys(derived_rsa_key(bytes.fromhex(seed))))

    if service == "cms":
        settings["SOCIAL_AUTH_EDX_OAUTH2_SECRET"] = os.environ["EDXSTACK_CMS_OAUTH2_SECRET"]


def _signing_keys(key):
    """The asymmetric JWT signing settings for an RSA private key.

    PyJWT and cryptography come with edx-platform; pyjwkest no longer does (removed in Ulmo). The private JWK
    carries the CRT parameters (p, q, dp, dq, qi) that PyJWT needs to sign without recomputing them.
    """
    from jwt.algorithms import RSAAlgorithm

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


# One gcd with the product of the odd primes below 2000 sieves out most candidates before any modular power.
_SMALL_PRIMES_PRODUCT = math.prod(p for p in range(3, 2000) if all(p % d for d in range(2, math.isqrt(p) + 1)))
_PUBLIC_EXPONENT = 65537


class _Stream:
    """HMAC-SHA256 in counter mode: as many bytes as asked, all fixed by the seed."""

    def __init__(self, seed):
        self._seed = seed
        self._counter = 0

    def integer(self, bits):
        out = b""
        while len(out) * 8 < bits:
            self._counter += 1
            out += hmac.new(self._seed, self._counter.to_bytes(8, "big"), hashlib.sha256).digest()
        return int.from_bytes(out[: bits // 8], "big")


def _is_probable_prime(n, stream, rounds=5):
    """Miller-Rabin with bases from the stream. For random 1024-bit candidates, 5 rounds leave an error below
    2**-100 (FIPS 186-4, table C.2, primes for 2048-bit RSA)."""
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for _ in range(rounds):
        x = pow(2 + stream.integer(n.bit_length() - 8) % (n - 3), d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def _probable_prime(stream, bits):
    """The first probable prime from a stream-drawn odd candidate with its two top bits set (so p*q has 2*bits)."""
    candidate = stream.integer(bits) | (3 << (bits - 2)) | 1
    while True:
        if (math.gcd(candidate, _SMALL_PRIMES_PRODUCT) == 1 and math.gcd(candidate - 1, _PUBLIC_EXPONENT) == 1
                and _is_probable_prime(candidate, stream)):
            return candidate
        candidate += 2


def derived_rsa_key(seed, bits=2048):
    """A 2048-bit RSA key fixed by a secret seed, so every pod of a platform, in both regions, signs with one key.

    Probable primes drawn from a deterministic stream, in the manner of FIPS 186-4 B.3.3; the seed is a secret
    derived from the stack's master key, as every other platform secret is.
    """
    from cryptography.hazmat.primitives.asymmetric import rsa

    stream = _Stream(seed)
    p = _probable_prime(stream, bits // 2)
    q = _probable_prime(stream, bits // 2)
    while abs(p - q) >> (bits // 2 - 100) == 0:
        q = _probable_prime(stream, bits // 2)
    d = pow(_PUBLIC_EXPONENT, -1, math.lcm(p - 1, q - 1))
    numbers = rsa.RSAPrivateNumbers(p, q, d, d % (p - 1), d % (q - 1), pow(q, -1, p),
                                    rsa.RSAPublicNumbers(_PUBLIC_EXPONENT, p * q))
    return numbers.private_key()

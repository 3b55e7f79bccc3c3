"""Fills a platform's Tutor-rendered settings with its secrets when a pod starts.

Tutor renders the LMS/CMS settings (lms/cms production.py, lms.env.yml, cms.env.yml) from a config in which every
secret is a placeholder @@NAME@@; edxstack keeps that render in a ConfigMap, readable in every review. This script
(the init container "settings", Open edX's own Python) replaces each placeholder by the environment variable NAME,
which Kubernetes fills from the platform's Secrets, and writes the files where Tutor's pods have them:

    <src>/lms.<file>    -> <dst>/lms/<file>     (mounted at /openedx/edx-platform/lms/envs/tutor/)
    <src>/cms.<file>    -> <dst>/cms/<file>     (mounted at /openedx/edx-platform/cms/envs/tutor/)
    <src>/config.<file> -> <dst>/config/<file>  (mounted at /openedx/config/)

Values are escaped as inside a double-quoted string, which is where Tutor's templates put every secret (Python and
YAML read JSON's escapes alike). @@EDXSTACK_JWK_<C>@@ are the components of the JWT signing key: from
EDXSTACK_JWT_PRIVATE_KEY (PEM, the key a platform kept from Tutor) or derived from EDXSTACK_JWT_SIGNING_SEED.
A placeholder whose variable is missing stops the pod: settings are never written half filled.
"""
import base64
import hashlib
import hmac
import json
import math
import os
import re
import sys

PLACEHOLDER = re.compile(r"@@([A-Z][A-Z0-9_]*)@@")
FOLDERS = ("lms", "cms", "config")
JWK_PREFIX = "EDXSTACK_JWK_"


class MissingValue(Exception):
    pass


def _long_to_base64(number):
    data = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _signing_key(environ):
    pem = environ.get("EDXSTACK_JWT_PRIVATE_KEY")
    if pem:
        from cryptography.hazmat.primitives.serialization import load_pem_private_key
        return load_pem_private_key(pem.encode("ascii"), password=None)
    seed = environ.get("EDXSTACK_JWT_SIGNING_SEED")
    if seed:
        return derived_rsa_key(bytes.fromhex(seed))
    raise MissingValue("EDXSTACK_JWT_PRIVATE_KEY or EDXSTACK_JWT_SIGNING_SEED")


def jwk_components(key):
    """The components Tutor writes into JWT_PRIVATE_SIGNING_JWK, by the names of its template."""
    numbers = key.private_numbers()
    public = numbers.public_numbers
    return {"N": public.n, "E": public.e, "D": numbers.d, "P": numbers.p, "Q": numbers.q,
            "DP": numbers.dmp1, "DQ": numbers.dmq1, "INVQ": numbers.iqmp}


def fill(text, environ, jwk):
    def replace(match):
        name = match.group(1)
        if name.startswith(JWK_PREFIX):
            if not jwk:
                jwk.update({k: _long_to_base64(v) for k, v in jwk_components(_signing_key(environ)).items()})
            return jwk[name[len(JWK_PREFIX):]]
        if name not in environ:
            raise MissingValue(name)
        return json.dumps(environ[name], ensure_ascii=False)[1:-1]

    return PLACEHOLDER.sub(replace, text)


def fill_tree(src, dst, environ):
    jwk = {}
    written = 0
    for entry in sorted(os.listdir(src)):
        folder, _, name = entry.partition(".")
        if folder not in FOLDERS or not name or entry.startswith("."):
            continue
        with open(os.path.join(src, entry), encoding="utf-8") as f:
            text = fill(f.read(), environ, jwk)
        os.makedirs(os.path.join(dst, folder), exist_ok=True)
        target = os.path.join(dst, folder, name)
        with open(target, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(target, 0o640)
        written += 1
    return written


def main(argv):
    src, dst = argv[1], argv[2]
    try:
        written = fill_tree(src, dst, os.environ)
    except MissingValue as e:
        sys.stderr.write("edxstack: the settings need " + str(e) + ", which this pod's environment lacks\n")
        return 1
    sys.stdout.write("edxstack: %d settings files filled in %s\n" % (written, dst))
    return 0


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


if __name__ == "__main__":
    sys.exit(main(sys.argv))

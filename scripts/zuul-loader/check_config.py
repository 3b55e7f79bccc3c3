"""Loads edxstack's Zuul configuration with Zuul's own configuration loader.

The tenant is config-project/tenant.yaml (the operator's main.yaml entry): the config project is
loaded from config-project/zuul.d/ as a trusted project, edxstack from zuul.d/ as an untrusted one,
through the same parsers, layout and reference checks a Zuul 14.3.0 scheduler runs
(zuul.configloader.TenantParser). Every loading error Zuul would show on the tenant's config-errors
page fails this check: an unknown key, a secret that is not found or cannot be decrypted, a
pipeline in an untrusted project, a job or semaphore that does not exist. On top, the check
freezes each project-pipeline job's inheritance the way the scheduler does before running it and
refuses a post-review job (one that holds a secret of an untrusted project) in a pre-review
pipeline, which Zuul itself only reports when a change arrives.

Secrets: the committed placeholders are encrypted with the throwaway key placeholder-project-key.pem,
which stands in for both projects' keys here. The operator's config project holds ciphertexts made
with its real key instead (docs/review-and-deploy.md).

With --zuul-return, it instead checks files written by `edxstack review` the way Zuul's executor
checks a zuul_return: file_comments against zuul.lib.filecomments' schema, warnings a list of strings.

Usage: python check_config.py [--self-test] REPO_DIR
       python check_config.py --zuul-return zuul_return.json ...
       python check_config.py --encrypt-placeholder TEXT   (prints a placeholder ciphertext)
"""

import argparse
import base64
import configparser
import json
import logging
import pathlib
import sys

import yaml

from zuul import model
from zuul.configloader import ParseContext, TenantParser
from zuul.lib import encryption, filecomments
from zuul.lib.ansible import AnsibleManager
from zuul.lib.connections import ConnectionRegistry

HERE = pathlib.Path(__file__).resolve().parent
PLACEHOLDER_KEY = HERE / "placeholder-project-key.pem"
BRANCH = "main"

# The connections the tenant's pipelines use, as the operator's zuul.conf declares them (no server
# is contacted: the loader only needs their drivers' schemas).
ZUUL_CONF = """
[connection gerrit]
driver=gerrit
server=review.example.org
user=zuul
sshkey=/var/lib/zuul/.ssh/id_rsa

[connection smtp]
driver=smtp
server=localhost
default_from=zuul@example.org
default_to=edx-ops@example.org
"""

# The tenant's default base job, which lives in the operator's config project and is not part of
# the reviewed copy: a minimal one, as zuul-jobs' documentation defines it.
BASE_JOB = """
- job:
    name: base
    parent: null
    description: The tenant's base job (stand-in; the operator's own base job replaces it).
"""


class Globals:
    """The few zuul.conf [scheduler]/[web] settings the parsers read."""

    web_root = None
    oidc_default_signing_algorithm = "RS256"
    oidc_supported_signing_algorithms = ["RS256"]


def placeholder_keys():
    private_key, public_key = encryption.deserialize_rsa_keypair(PLACEHOLDER_KEY.read_bytes())
    return private_key, public_key


def connections():
    config = configparser.ConfigParser()
    config.read_string(ZUUL_CONF)
    registry = ConnectionRegistry()
    registry.configure(config, sources=True, triggers=True, reporters=True)
    return registry


def config_files(root):
    """zuul.d/*.yaml in Zuul's order (sorted by path), as Zuul's merger hands them over."""
    return sorted(p for p in (root / "zuul.d").rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml"))


def load(repo):
    logging.basicConfig(level=logging.WARNING)
    registry = connections()
    source = registry.getSource("gerrit")
    tenant_conf = yaml.safe_load((repo / "config-project" / "tenant.yaml").read_text())[0]["tenant"]
    parser = TenantParser(registry, None, None, None, None, Globals(), None, None)
    parser.getSchema()(tenant_conf)

    tenant = model.Tenant(tenant_conf["name"])
    # The tenant settings TenantParser.fromYaml sets, with its defaults.
    tenant.default_base_job = tenant_conf.get("default-parent", "base")
    tenant.allowed_triggers = tenant_conf.get("allowed-triggers")
    tenant.allowed_reporters = tenant_conf.get("allowed-reporters")
    tenant.allowed_labels = tenant_conf.get("allowed-labels")
    tenant.disallowed_labels = tenant_conf.get("disallowed-labels")
    tenant.use_nodepool = tenant_conf.get("use-nodepool", True)
    tenant.web_root = tenant_conf.get("web-root")
    gerrit = tenant_conf["source"]["gerrit"]
    private_key, public_key = placeholder_keys()
    tpcs = []
    for trusted, key in ((True, "config-projects"), (False, "untrusted-projects")):
        for conf in gerrit.get(key, []):
            for tpc in parser._getProjects(source, conf, frozenset(TenantParser.job_classes)):
                tpc.trusted = trusted
                tpc.branches = [BRANCH]
                tpc.project.private_secrets_key = private_key
                tpc.project.public_secrets_key = public_key
                tenant.addTPC(tpc)
                tpcs.append(tpc)

    config_project, = [t for t in tpcs if t.trusted]
    roots = {config_project.project.canonical_name: repo / "config-project"}
    for tpc in tpcs:
        if not tpc.trusted:
            roots[tpc.project.canonical_name] = repo

    pcontext = ParseContext(registry, Globals(), None, AnsibleManager())
    parsed = model.ParsedConfig()
    for tpc in tpcs:
        project = tpc.project
        files = [(pathlib.Path("zuul.d/base.yaml"), BASE_JOB)] if tpc.trusted else []
        root = roots[project.canonical_name]
        files += [(path.relative_to(root), path.read_text()) for path in config_files(root)]
        for path, text in files:
            context = model.SourceContext(project.canonical_name, project.name, project.connection_name,
                                          BRANCH, str(path))
            with pcontext.errorContext(source_context=context):
                branch_config = parser.loadProjectYAML(text, context, pcontext)
            parser.addProjectBranchConfig(pcontext, parsed, tenant, tpc, branch_config, trusted=tpc.trusted)

    layout = parser._parseLayout(tenant, parsed, pcontext)
    errors = [f"{e.key.context}: {e.error}" if e.key else e.error for e in layout.loading_errors.errors]
    errors += check_post_review_placement(tenant, layout)
    return layout, errors


def check_post_review_placement(tenant, layout):
    """A job that ends up post-review may not run in a pre-review pipeline (model.Job.applyVariant)."""
    errors = []
    for project_name, project_configs in layout.project_configs.items():
        for project_config in project_configs:
            for pipeline_name, ppc in project_config.pipelines.items():
                manager = layout.pipeline_managers.get(pipeline_name)
                if manager is None or manager.pipeline.post_review:
                    continue
                for job_name in ppc.job_list.jobs:
                    for variant in inheritance(layout, job_name):
                        untrusted = not tenant.isTrusted(variant.source_context.project_canonical_name)
                        if variant.post_review or (variant.secrets and untrusted):
                            errors.append(f"{project_name}: pipeline {pipeline_name} is pre-review but job "
                                          f"{job_name} is post-review (secrets or post-review: true in "
                                          f"{variant.source_context})")
                            break
    return errors


def inheritance(layout, job_name):
    seen = set()
    name = job_name
    while name and name not in seen:
        seen.add(name)
        variants = layout.getJobs(name)
        if not variants:
            return
        yield from variants
        parent = variants[0].parent
        name = None if parent in (None, model.Job.BASE_JOB_MARKER) else parent


def encrypt_placeholder(text):
    _, public_key = placeholder_keys()
    ciphertext = encryption.encrypt_pkcs1_oaep(text.encode("utf-8"), public_key)
    return base64.b64encode(ciphertext).decode("ascii")


# Deliberately broken copies of the configuration, each with what Zuul must say about it: proof, on
# every run, that this check fails where Zuul would.
BREAKAGES = [
    ("a pipeline in edxstack's zuul.d/",
     lambda root: (root / "zuul.d" / "pipelines.yaml").write_text(
         (root / "config-project" / "zuul.d" / "pipelines.yaml").read_text()),
     "Pipelines may not be defined in untrusted repos"),
    ("a key Zuul does not accept",
     lambda root: replace(root / "config-project" / "zuul.d" / "jobs.yaml", "    final: true\n",
                          "    final: true\n    secret-vars: [edxstack_credentials]\n"),
     "extra keys not allowed"),
    ("a secret binding to a secret that does not exist",
     lambda root: replace(root / "config-project" / "zuul.d" / "jobs.yaml", "secret: edxstack-prod-dr-readonly",
                          "secret: edxstack-prod-dr-read-only"),
     'The secret "edxstack-prod-dr-read-only" was not found'),
    ("a secret encrypted with another project's key",
     lambda root: replace_first_ciphertext(root / "config-project" / "zuul.d" / "secrets.yaml"),
     "Decryption failed"),
    ("an edxstack job with a secret in the check pipeline",
     lambda root: (root / "zuul.d" / "leak.yaml").write_text(
         "- secret: {name: leak, data: {token: x}}\n"
         "- job: {name: edxstack-leak, parent: edxstack-base, secrets: [leak], run: playbooks/edxstack-tests/run.yaml}\n"
         "- project: {check: {jobs: [edxstack-leak]}}\n"),
     "pipeline check is pre-review but job edxstack-leak is post-review"),
]


def replace(path, old, new, count=-1):
    text = path.read_text()
    if old not in text:
        raise SystemExit(f"zuul-loader: self-test cannot break {path}: {old!r} not found")
    path.write_text(text.replace(old, new, count))


def replace_first_ciphertext(path):
    """The first passphrase ciphertext, replaced by one a different RSA key made (valid, but not ours)."""
    _, other_public_key = encryption.generate_rsa_keypair()
    foreign = base64.b64encode(encryption.encrypt_pkcs1_oaep(b"placeholder", other_public_key)).decode("ascii")
    marker = "passphrase: !encrypted/pkcs1-oaep\n        - "
    text = path.read_text()
    start = text.index(marker) + len(marker)
    end = text.index("\n", start)
    path.write_text(text[:start] + foreign + text[end:])


def self_test(repo):
    import shutil
    import tempfile
    failures = []
    for what, breakage, expected in BREAKAGES:
        with tempfile.TemporaryDirectory() as tmp:
            root = pathlib.Path(tmp)
            shutil.copytree(repo / "zuul.d", root / "zuul.d")
            shutil.copytree(repo / "config-project", root / "config-project")
            breakage(root)
            _, errors = load(root)
            if not any(expected in error for error in errors):
                failures.append(f"{what}: expected an error containing {expected!r}, got {errors}")
    for failure in failures:
        print(f"zuul-loader: self-test: {failure}", file=sys.stderr)
    if not failures:
        print(f"zuul-loader: self-test: Zuul refused all {len(BREAKAGES)} deliberately broken configurations")
    return 1 if failures else 0


def check_zuul_return(path):
    data = json.loads(path.read_text())["zuul"]
    errors = []
    try:
        filecomments.validate(data.get("file_comments", {}))
    except Exception as error:  # voluptuous.Invalid and its subclasses
        errors.append(f"{path}: zuul.file_comments: {error}")
    warnings = data.get("warnings", [])
    if not isinstance(warnings, list) or not all(isinstance(w, str) for w in warnings):
        errors.append(f"{path}: zuul.warnings must be a list of strings")
    return errors


def main():
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("repo", nargs="?", type=pathlib.Path)
    arguments.add_argument("--encrypt-placeholder", metavar="TEXT")
    arguments.add_argument("--zuul-return", nargs="+", type=pathlib.Path, metavar="FILE")
    arguments.add_argument("--self-test", action="store_true",
                           help="also load deliberately broken copies and require Zuul to refuse each")
    options = arguments.parse_args()
    if options.zuul_return:
        errors = [e for path in options.zuul_return for e in check_zuul_return(path)]
        for error in errors:
            print(f"zuul-loader: {error}", file=sys.stderr)
        if not errors:
            print(f"zuul-loader: Zuul accepts {len(options.zuul_return)} zuul_return file(s)")
        return 1 if errors else 0
    if options.encrypt_placeholder is not None:
        print(encrypt_placeholder(options.encrypt_placeholder))
        return 0
    layout, errors = load(options.repo.resolve())
    for error in errors:
        print(f"zuul-loader: {error}", file=sys.stderr)
    if errors:
        print(f"zuul-loader: {len(errors)} configuration error(s)", file=sys.stderr)
        return 1
    jobs = sum(len(v) for v in layout.jobs.values())
    print(f"zuul-loader: Zuul loaded the tenant without errors ({len(layout.pipeline_managers)} pipelines, "
          f"{jobs} job variants, {len(layout.secrets)} secrets)")
    return self_test(options.repo.resolve()) if options.self_test else 0


if __name__ == "__main__":
    sys.exit(main())

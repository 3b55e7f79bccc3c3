"""Renders the Open edX environment of many platforms with Tutor's own Python API, in one process.

Input (stdin, JSON): {"platforms": [{"name": str, "config": {Tutor config}, "plugins": [str],
                                      "patches": {patch name: [content]}, "yamlPlugins": {name: YAML text}}]}
Output (stdout, one JSON line per platform, in the request's order, each written as soon as it is rendered):
    {"name": str, "files": {path: text}, "config": {key: value}, "initTasks": [[app, service, script]],
     "plugins": [str]}
(initTasks in the order `tutor k8s do init` runs them; app: the one that declared the task)
Tutor is imported before stdin is read, so the process can be started before the request is known; an empty
stdin renders nothing.

The config holds no secret: every secret is a placeholder @@NAME@@ (NAME: the environment variable the pod fills
it from at start). The JWT signing key is the one secret Tutor transforms while rendering (into the JWK of the
settings); with JWT_RSA_PRIVATE_KEY = @@EDXSTACK_JWT_KEY@@ its components render as @@EDXSTACK_JWK_<N>@@, which
the pod computes from the real key.

Plugins are loaded per platform and unloaded after it, so a plugin enabled on one platform changes no other.
The repository's YAML plugins (tutor/plugins/<name>.yml, in "yamlPlugins") are installed as Tutor installs the
YAML plugins of its plugins root; that root is empty here, so no plugin of the machine's user reaches a render.
With --installed-plugins: prints the plugins of the environment (JSON list) and renders nothing.
Fails (exit 1, message on stderr naming the platform) on a missing value, an unknown plugin or a plugin that
would generate a random secret (the render would change from run to run).
"""
import copy
import json
import sys

from tutor import config as tutor_config
from tutor import env as tutor_env
from tutor import hooks, plugins, serialize
from tutor.plugins import v0 as plugins_v0
from tutor.commands import jobs  # noqa: F401  (declares Tutor's core init tasks)

JWT_KEY_PLACEHOLDER = "@@EDXSTACK_JWT_KEY@@"
# What edxstack deploys from Tutor's environment; the image build and docker-compose files are not used.
RENDERED_PREFIXES = ("apps/", "k8s/")
PLUGIN_APPS_SUFFIX = "/apps"


class _JwkMarker:
    def __init__(self, component):
        self.component = component


class _PlaceholderKey:
    """Stands for the RSA key while rendering: each component becomes a placeholder the pod fills."""

    def __getattr__(self, component):
        if component.startswith("_"):
            raise AttributeError(component)
        return _JwkMarker(component.upper())


def _override_jwt_filters(filters):
    originals = dict(filters)

    def rsa_import_key(key):
        return _PlaceholderKey() if key == JWT_KEY_PLACEHOLDER else originals["rsa_import_key"](key)

    def long_to_base64(value):
        if isinstance(value, _JwkMarker):
            return "@@EDXSTACK_JWK_" + value.component + "@@"
        return originals["long_to_base64"](value)

    overrides = {"rsa_import_key": rsa_import_key, "long_to_base64": long_to_base64}
    return [(name, overrides.get(name, func)) for name, func in filters]


class RenderError(Exception):
    pass


_ENVIRONMENTS = {}
_NEW_ENVIRONMENT = tutor_env.JinjaEnvironment


def _shared_environment(plugin_names):
    """One Jinja environment per set of plugins, so each template is compiled once for all platforms.

    Tutor makes a new environment (and compiles every template again) for each Renderer. The environment only
    depends on the template roots and filters, which the loaded plugins decide; the Renderer then sets its own
    globals (patch, iter_values_named) on it before rendering, and renders one platform at a time.
    """
    key = tuple(sorted(plugin_names))
    if key not in _ENVIRONMENTS:
        environment = _NEW_ENVIRONMENT()
        _compile_strings_once(environment)
        _list_templates_once(environment)
        _ENVIRONMENTS[key] = (environment, dict(environment.filters), dict(environment.globals))
    environment, filters, variables = _ENVIRONMENTS[key]
    # As new: the Renderer adds its filters and globals again (in place: compiled templates hold these dicts).
    environment.filters.clear()
    environment.filters.update(filters)
    environment.globals.clear()
    environment.globals.update(variables)
    return environment


def _compile_strings_once(environment):
    """Tutor compiles every string it renders anew: each config value (with a new Renderer per value), each patch,
    each init task. The same text in the same environment compiles to the same template, whose globals are the
    environment's (reset in place for each Renderer), so each text is compiled once for all platforms."""
    compiled = {}
    from_string = environment.from_string

    def cached(source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return from_string(source, globals, template_class)
        template = compiled.get(source)
        if template is None:
            template = compiled[source] = from_string(source)
        return template

    environment.from_string = cached


def _list_templates_once(environment):
    """Tutor walks its template folders again for every folder it renders; they never change during a render."""
    listing = []
    list_templates = environment.loader.list_templates

    def cached():
        if not listing:
            listing.extend(list_templates())
        return list(listing)

    environment.loader.list_templates = cached


_CONFIG_TEMPLATES = {}
_READ_CONFIG_TEMPLATE = tutor_config.get_template


def _config_template(filename):
    """Tutor parses its defaults.yml and base.yml again for every config; they are the same for every platform:
    parsed once, each caller gets its own copy (values may be changed in place)."""
    if filename not in _CONFIG_TEMPLATES:
        _CONFIG_TEMPLATES[filename] = _READ_CONFIG_TEMPLATE(filename)
    return copy.deepcopy(_CONFIG_TEMPLATES[filename])


_RENDER_STR = tutor_env.render_str


def _render_full(config):
    """Tutor's render_full, without its cost per value: Tutor renders each value with a new Renderer, which
    deep-copies the whole config first. One Renderer reads the config as render_full has left it so far, which
    is what each copy would hold (rendering reads the config, never changes it)."""
    renderer = tutor_env.Renderer({})
    renderer.config = config

    def render_str(values, text):
        return renderer.render_str(text) if values is config else _RENDER_STR(values, text)

    tutor_env.render_str = render_str
    try:
        tutor_config.render_full(config)
    finally:
        tutor_env.render_str = _RENDER_STR


def _full_config(platform):
    user = copy.deepcopy(platform["config"])
    user["PLUGINS"] = list(platform.get("plugins", []))
    base = tutor_config.get_base()
    missing = sorted(key for key in base if key not in user)
    if missing:
        raise RenderError("values Tutor would generate at random are not given: " + ", ".join(missing)
                          + "; perhaps a plugin declares a secret edxstack does not derive")
    config = user
    tutor_config.merge(config, base)
    tutor_config.update_with_defaults(config)
    _render_full(config)
    hooks.Actions.CONFIG_LOADED.do(copy.deepcopy(config))
    return config


def _wanted(src):
    return src.startswith(RENDERED_PREFIXES) or src.endswith(PLUGIN_APPS_SUFFIX)


def _render(platform):
    names = list(platform.get("plugins", []))
    for name in names:
        if not plugins.is_installed(name):
            raise RenderError("plugin '" + name + "' is not installed; perhaps add its package to "
                              "tutor/requirements.in and run tutor/lock.sh")
    plugins.load_all(names)
    unloaded = [name for name in names if not plugins.is_loaded(name)]
    if unloaded:
        raise RenderError("plugin(s) failed to load: " + ", ".join(unloaded))
    for name, content in platform.get("patches", {}).items():
        for text in content:
            with hooks.Contexts.app("edxstack").enter():
                hooks.Filters.ENV_PATCHES.add_item((name, text))
    # Every Renderer of this platform (Tutor makes one per config value too) shares one environment.
    tutor_env.JinjaEnvironment = lambda: _shared_environment(names)
    try:
        config = _full_config(platform)
        renderer = tutor_env.Renderer(config)
        files = {}
        for src, dst in hooks.Filters.ENV_TEMPLATE_TARGETS.iterate():
            if not _wanted(src):
                continue
            for template in renderer.iter_templates_in(src):
                rendered = renderer.render_template(template)
                if isinstance(rendered, bytes):
                    continue
                files[(dst + "/" + template).lstrip("/")] = rendered
        tasks = [[_task_app(service, script, names), service, renderer.render_str(script)]
                 for service, script in hooks.Filters.CLI_DO_INIT_TASKS.iterate()]
        return {"files": files, "config": config, "initTasks": tasks, "plugins": sorted(plugins.iter_loaded())}
    finally:
        tutor_env.JinjaEnvironment = _NEW_ENVIRONMENT
        hooks.clear_all(context=hooks.Contexts.app("edxstack").name)
        for name in names:
            hooks.Actions.PLUGIN_UNLOADED.do(name, "", {})


def _task_app(service, script, plugin_names):
    """Which app declared an init task (Tutor's own: mysql, meilisearch, lms, cms; or a plugin): its name."""
    for app in ["mysql", "meilisearch", "lms", "cms"] + list(plugin_names):
        context = hooks.Contexts.app(app).name
        if (service, script) in hooks.Filters.CLI_DO_INIT_TASKS.iterate_from_context(context):
            return app
    return ""


# --- Plugin loading: the repository's YAML plugins -------------------------------------------------------------

def _install_yaml_plugins(platforms):
    """Tutor's own YAML plugin class (v0 DictPlugin) and contexts, fed from the request instead of a folder."""
    texts = {}
    for platform in platforms:
        for name, text in platform.get("yamlPlugins", {}).items():
            if texts.setdefault(name, text) != text:
                raise RenderError("YAML plugin '" + name + "' is given with two different texts")
    for name, text in sorted(texts.items()):
        if plugins.is_installed(name):
            raise RenderError("YAML plugin '" + name + "' has the name of a plugin installed in the pinned Tutor")
        data = serialize.load(text)
        if not isinstance(data, dict) or data.get("name") != name:
            raise RenderError("YAML plugin '" + name + "' is not a mapping named '" + name + "'")
        with hooks.Contexts.PLUGINS.enter():
            with hooks.Contexts.PLUGINS_V0_YAML.enter():
                plugins_v0.DictPlugin(data)


def main():
    if sys.argv[1:] == ["--installed-plugins"]:
        hooks.Actions.CORE_READY.do()
        json.dump(sorted(set(plugins.iter_installed())), sys.stdout)
        return 0
    hooks.Filters.ENV_TEMPLATE_FILTERS.add(priority=hooks.priorities.LOW)(_override_jwt_filters)
    tutor_config.get_template = _config_template
    hooks.Actions.CORE_READY.do()
    # Ready before the request: edxstack starts this process while it loads the stack, and writes the request
    # once it knows which platforms its cache lacks (none: stdin is closed empty).
    text = sys.stdin.read()
    if not text.strip():
        return 0
    request = json.loads(text)
    try:
        _install_yaml_plugins(request["platforms"])
    except Exception as e:  # reported before any platform renders
        sys.stderr.write("Tutor cannot install the repository's YAML plugins: " + str(e) + "\n")
        return 1
    for platform in request["platforms"]:
        try:
            rendered = _render(platform)
        except Exception as e:  # reported with the platform's name; the platforms before it were written
            sys.stderr.write("Tutor cannot render platform " + platform["name"] + ": " + str(e) + "\n")
            return 1
        rendered["name"] = platform["name"]
        sys.stdout.write(json.dumps(rendered, sort_keys=True, default=str) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())

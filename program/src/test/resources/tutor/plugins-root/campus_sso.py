# A single-file Python plugin ("v1" module plugin) of the same installation.
from tutor import hooks

hooks.Filters.ENV_PATCHES.add_item(("openedx-lms-common-settings", "# campus_sso: no third-party login yet"))

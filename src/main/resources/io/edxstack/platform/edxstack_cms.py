"""CMS settings under edxstack: upstream production settings (they read the YAML at CMS_CFG), then credentials."""
from cms.envs.production import *  # noqa: F401,F403

import edxstack_common

edxstack_common.apply(globals(), "cms")

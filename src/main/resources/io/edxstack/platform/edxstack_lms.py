"""LMS settings under edxstack: upstream production settings (they read the YAML at LMS_CFG), then credentials."""
from lms.envs.production import *  # noqa: F401,F403

import edxstack_common

edxstack_common.apply(globals(), "lms")

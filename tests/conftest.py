"""Test-wide settings.

Property tests run derandomized with no deadline: a red CI must mean a real
regression, never an unlucky draw or a slow shared machine. Set
``HYPOTHESIS_PROFILE=explore`` locally to search with fresh random examples.
"""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", deadline=None, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

"""``python -m matching``: see matching.cli."""

import sys

from .cli import main

sys.exit(main())

"""``python -m dqsa``: the same as the ``dqsa`` console script."""

import sys

from dqsa.cli import main

sys.exit(main())

"""``python -m dqsa``: the same as the ``dqsa`` console script (and the frozen program's entry)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The frozen program (PyInstaller runs this file) starts its worker processes by running
    # itself again (receiving packets, making the example desk's packets): such a child must
    # do its work and stop here, never open a second window.
    multiprocessing.freeze_support()
    from dqsa.cli import main

    sys.exit(main())

"""What the frozen Linux program runs: the commands under the name ``danvan``, else the window.

``danvan`` in the bundle is a symbolic link to ``danvan-desktop`` (see danvan.spec), so
the two programs share one program file and its archive of Python modules.
"""

from __future__ import annotations

import os
import sys

CLI_NAME = "danvan"

if __name__ == "__main__":
    if os.path.basename(sys.argv[0]) == CLI_NAME:
        from danvan_desktop.cli import main as cli_main

        cli_main()
    else:
        from danvan_desktop.app import main

        sys.exit(main())

"""``python -m missionmodel``: the command line (see `missionmodel.cli`)."""

from .cli import main

raise SystemExit(main())

"""`python -m langsniff.server`: the same as `langsniff-server`."""

from langsniff.server.cli import main

raise SystemExit(main())

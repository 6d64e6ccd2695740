"""`python -m app` does what the `spot-front-desk` command does."""

from app.main import main

raise SystemExit(main())

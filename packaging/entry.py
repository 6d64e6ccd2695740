"""PyInstaller entry point: the same as `python -m app`."""

from app.main import main

raise SystemExit(main())

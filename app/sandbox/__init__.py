"""A local stand-in for the Spot API (no Qt): ``SandboxServer`` serves it over loopback HTTP."""

from __future__ import annotations

from app.sandbox.server import SandboxServer

__all__ = ["SandboxServer"]

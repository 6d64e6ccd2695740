"""Spot Front Desk: order, track and read Spot at-home sample-collection kits."""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "Spot Front Desk"
APP_ID = "spot-front-desk"  # keyring service, data folders, QSettings: stable across versions
ORG_NAME = "Spot Front Desk"
ORG_DOMAIN = "spotfrontdesk.local"

try:
    __version__ = version("spot-front-desk")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+source"

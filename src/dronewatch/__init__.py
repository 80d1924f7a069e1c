"""dronewatch: structured drone reports from governors' Telegram channels."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dronewatch")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

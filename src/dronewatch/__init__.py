"""dronewatch: structured drone reports from governors' Telegram channels."""


def __getattr__(name: str) -> str:
    """`__version__`, read on first use: the installed metadata takes a while to search."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("dronewatch")
    except PackageNotFoundError:  # running from a source tree without installation
        found = "0.0.0"
    globals()["__version__"] = found
    return found

"""The one error type for bad data input, so the CLI can print it without a traceback."""


class DataError(Exception):
    """A user-facing problem with data: a missing file, a malformed row, an empty corpus."""

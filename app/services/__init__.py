"""Use cases. Each takes a SQLAlchemy Session and plain values, flushes, and never commits."""


class ServiceError(Exception):
    """A user-facing refusal: the message is shown to the user and nothing is written."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

"""The API's one error shape: ``{"error": {"code": ..., "message": ...}}`` with a 4xx status."""

from __future__ import annotations

from pydantic import BaseModel


class ErrorBody(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody


class ApiError(Exception):
    """A refusal the caller can act on; the message says what to do."""

    def __init__(self, status: int, code: str, message: str, *, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.retry_after = retry_after

    def payload(self) -> dict:
        return {"error": {"code": self.code, "message": self.message}}

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)} if self.retry_after is not None else {}


def documented(*statuses: int) -> dict[int | str, dict]:
    """OpenAPI ``responses=`` entries for the error statuses a route may return."""
    return {status: {"model": ErrorResponse} for status in statuses}

"""The API's one error shape: ``{"error": {"code": ..., "message": ...}}`` with a 4xx status."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class ErrorBody(BaseModel):
    code: str
    message: str
    # For invalid requests: each problem's location ("query", "limit") and message.
    details: list[dict[str, Any]] | None = None


class ErrorResponse(BaseModel):
    error: ErrorBody


class ApiError(Exception):
    """A refusal the caller can act on; the message says what to do."""

    def __init__(self, status: int, code: str, message: str, *, retry_after: int | None = None,
                 details: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.retry_after = retry_after
        self.details = details

    def payload(self) -> dict:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.details is not None:
            error["details"] = self.details
        return {"error": error}

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)} if self.retry_after is not None else {}


def documented(*statuses: int) -> dict[int | str, dict]:
    """OpenAPI ``responses=`` entries for the error statuses a route may return."""
    return {status: {"model": ErrorResponse} for status in statuses}


def invalid_request(errors: list[dict[str, Any]]) -> ApiError:
    """A request that does not match the spec (FastAPI's validation errors, in the API's error shape)."""
    details = [{"location": ".".join(str(part) for part in error.get("loc", ())), "message": error.get("msg", "")}
               for error in errors]
    summary = "; ".join(f"{d['location']}: {d['message']}" for d in details[:3]) or "the request is invalid"
    return ApiError(422, "invalid_request", f"{summary} (see /openapi.json)", details=details)

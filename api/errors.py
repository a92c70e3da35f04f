"""Errors as JSON with a stable code and a message; every refusal of the API goes here."""


class ApiError(Exception):
    """An answer other than success: HTTP status, a stable machine code, a sentence."""

    def __init__(self, status: int, code: str, message: str, details: list | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"No such {what}, or this client may not reach it.")


def forbidden_scope(scope: str) -> ApiError:
    return ApiError(403, "insufficient_scope", f"This client lacks the scope {scope}.")


def body(code: str, message: str, details: list | None = None) -> dict:
    out = {"code": code, "message": message}
    if details:
        out["details"] = details
    return out

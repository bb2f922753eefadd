// Typed domain errors. lib/http.ts maps them to HTTP statuses in one place.

export class DomainError extends Error {}

/** Not signed in, or the session is no longer valid (401). */
export class UnauthorizedError extends DomainError {
  constructor(message = "Sign in to continue") {
    super(message);
  }
}

/** The thing does not exist, or the caller may not see it (404: the two are indistinguishable). */
export class NotFoundError extends DomainError {
  constructor(what = "Not found") {
    super(what);
  }
}

/** The caller can see the thing but their role may not do this (403). */
export class ForbiddenError extends DomainError {
  constructor(message = "Your role does not allow this") {
    super(message);
  }
}

/** Someone else saved first (409); carries the current state so the client can reconcile. */
export class ConflictError extends DomainError {
  constructor(
    message: string,
    readonly current?: unknown,
  ) {
    super(message);
  }
}

/** Input that parses but breaks a rule (422), with a message per field path. */
export class ValidationError extends DomainError {
  constructor(
    readonly fields: Record<string, string>,
    message = "Some fields are not valid",
  ) {
    super(message);
  }
}

/** Too many attempts (429). */
export class RateLimitError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The database cannot be reached (503). */
export class UnavailableError extends DomainError {
  constructor(message = "The database is unavailable. Please try again in a moment.") {
    super(message);
  }
}

/** The database is there but this instance is too busy to take the request now (503, retry soon). */
export class BusyError extends DomainError {
  constructor(message = "Keystone is very busy right now. Please try again in a moment.") {
    super(message);
  }
}

/** The request itself is malformed: not JSON, wrong content type (400). */
export class BadRequestError extends DomainError {}

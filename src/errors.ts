// Domain errors: services throw these and know nothing of HTTP or LINE. Each edge
// (chat, dashboard, API) translates them in one place.
export class DomainError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly userMessage?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(message = "not found", userMessage?: string) {
    super(message, "not_found", userMessage);
  }
}

export class ConflictError extends DomainError {
  constructor(message = "conflict", userMessage?: string) {
    super(message, "conflict", userMessage);
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, userMessage?: string) {
    super(message, "validation", userMessage);
  }
}

export class RateLimitError extends DomainError {
  constructor(message: string, userMessage?: string) {
    super(message, "rate_limited", userMessage);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "forbidden", userMessage?: string) {
    super(message, "forbidden", userMessage);
  }
}

export function isDuplicateKeyError(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: number }).code === 11000;
}

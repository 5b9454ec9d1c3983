// Typed errors with a stable code and an HTTP status; the error handler turns them into {"error": {...}}.
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, 'bad_request', message, details);
export const notFound = (message: string) => new AppError(404, 'not_found', message);
export const notReady = () => new AppError(503, 'starting', 'the server is still loading its data; try again shortly');
export const unauthorized = (message = 'please log in') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'your role does not allow this') => new AppError(403, 'forbidden', message);
export const conflict = (message: string, details?: unknown) => new AppError(409, 'conflict', message, details);
export const tooManyRequests = (message: string) => new AppError(429, 'too_many_attempts', message);

export type ErrorCode = 'invalid_input' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'payload_too_large' | 'rate_limited' | 'internal';

const statusByCode: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
};

/** Field name -> list of messages, the `fields` member of the API error shape. */
export type FieldErrors = Record<string, string[]>;

/** An error that maps to one HTTP status and the `{error: {code, message, fields?}}` shape. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = statusByCode[code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

/** An empty field-error map that treats keys such as `__proto__` as plain names. */
export const newFieldErrors = (): FieldErrors => Object.create(null) as FieldErrors;

export const notFound = (what: string, id: string) => new AppError('not_found', `${what} ${id} not found`);
export const invalid = (message: string, fields?: FieldErrors) => new AppError('invalid_input', message, fields);
export const conflict = (message: string, fields?: FieldErrors) => new AppError('conflict', message, fields);

function fieldError(field: string, message: string): AppError {
  return invalid(`${field}: ${message}`, { [field]: [message] });
}

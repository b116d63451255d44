// Refusals of the domain core: a typed error that names the field or the rule, rendered to words at the edge.

/** Why a command was refused. The UI renders these (in English or Norwegian); `message` is the English text for logs and tests. */
export type ErrorCode =
  | 'invalid-field'
  | 'unknown'
  | 'already-exists'
  | 'forbidden'
  | 'not-allowed-now'
  | 'clock-backwards'
  | 'clock-paused';

/** A rule id of the rule book (docs/rules.md), such as "R-UBC-3". */
export type RuleId = `R-${string}-${number}`;

/** A command refused by the domain core. Carries data, so the words can be rendered at display time. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly rule: RuleId | undefined;

  constructor(code: ErrorCode, message: string, options: { field?: string; rule?: RuleId } = {}) {
    super(message);
    this.code = code;
    this.field = options.field;
    this.rule = options.rule;
  }
}

/** `"pin" must be exactly 4 digits (R-OTP-1)`: a field with the wrong value. */
export function invalidField(field: string, expectation: string, rule?: RuleId): DomainError {
  const suffix = rule ? ` (${rule})` : '';
  return new DomainError('invalid-field', `"${field}" ${expectation}${suffix}`, rule ? { field, rule } : { field });
}

/** `Unknown organization "acme"`: a reference to something that does not exist. */
export function unknown(field: string, what: string, value: string): DomainError {
  return new DomainError('unknown', `Unknown ${what} "${value}" in "${field}"`, { field });
}

/** An action this actor may not take (R-MGR-1). */
export function forbidden(message: string, rule: RuleId = 'R-MGR-1'): DomainError {
  return new DomainError('forbidden', `${message} (${rule})`, { rule });
}

/** An action that is well-formed but not possible in the current state. */
export function notNow(message: string, rule?: RuleId, field?: string): DomainError {
  const suffix = rule ? ` (${rule})` : '';
  const options: { field?: string; rule?: RuleId } = {};
  if (rule) options.rule = rule;
  if (field) options.field = field;
  return new DomainError('not-allowed-now', `${message}${suffix}`, options);
}

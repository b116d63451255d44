// Refusals of the domain core: a typed error that names the field or the rule, rendered to words at the edge.
import type { RefusalKey, RefusalParamMap, RefusalText } from './refusals';
import { REFUSALS_EN, renderRefusal } from './refusals';

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

/**
 * A command refused by the domain core. Carries data, so the words can be rendered at display time: `text` is the
 * refusal's key and params (src/i18n/describe-refusal.ts renders it in English or Norwegian), and `message` is its
 * English, made from the same template (src/domain/refusals.ts), for logs, tests and scenario files.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: ErrorCode;
  readonly text: RefusalText;
  readonly field: string | undefined;
  readonly rule: RuleId | undefined;

  constructor(code: ErrorCode, text: RefusalText, options: { field?: string; rule?: RuleId } = {}) {
    super(renderRefusal(REFUSALS_EN, text, options.rule));
    this.code = code;
    this.text = text;
    this.field = options.field;
    this.rule = options.rule;
  }
}

/** The keys of refusals that name a field with a wrong value; their params hold `field` and what else they need. */
type FieldKey = { [K in RefusalKey]: RefusalParamMap[K] extends { field: string; value: string } ? never : RefusalParamMap[K] extends { field: string } ? K : never }[RefusalKey];
/** The keys of refusals that name something unknown: `field` and `value`, and what else they need. */
type UnknownKey = { [K in RefusalKey]: RefusalParamMap[K] extends { field: string; value: string } ? K : never }[RefusalKey];

/** `"pin" must be exactly 4 digits (R-OTP-1)`: a field with the wrong value. */
export function invalidField<K extends FieldKey>(field: string, key: K, params: Omit<RefusalParamMap[K], 'field'>, rule?: RuleId): DomainError {
  // Omit<P, 'field'> plus the field is the key's own params again; TypeScript cannot follow that through a generic key.
  const text = { key, params: { ...params, field } } as RefusalText;
  return new DomainError('invalid-field', text, rule ? { field, rule } : { field });
}

/** `Unknown organization "acme" in "orgId"`: a reference to something that does not exist. */
export function unknown<K extends UnknownKey>(field: string, key: K, value: string, params: Omit<RefusalParamMap[K], 'field' | 'value'>): DomainError {
  // As above: the omitted keys are put back, so these are the key's own params.
  const text = { key, params: { ...params, field, value } } as RefusalText;
  return new DomainError('unknown', text, { field });
}

/** An action this actor may not take (R-MGR-1). */
export function forbidden(text: RefusalText<'otherOrgAdmin' | 'roleMayNot'>, rule: RuleId = 'R-MGR-1'): DomainError {
  return new DomainError('forbidden', text, { rule });
}

/** An action that is well-formed but not possible in the current state. */
export function notNow(text: RefusalText, rule?: RuleId, field?: string): DomainError {
  const options: { field?: string; rule?: RuleId } = {};
  if (rule) options.rule = rule;
  if (field) options.field = field;
  return new DomainError('not-allowed-now', text, options);
}

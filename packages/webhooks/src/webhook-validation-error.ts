/**
 * Why a webhook was refused. Each code maps to one HTTP status in
 * {@link createWebhookHandler}: `body_too_large` → 413; `missing_signature`,
 * `invalid_signature`, `unknown_key`, `outside_time_window` → 401; the others → 400.
 */
export type WebhookValidationErrorCode =
  | "missing_signature"
  | "invalid_signature"
  | "unknown_key"
  | "outside_time_window"
  | "body_too_large"
  | "invalid_body"
  | "invalid_event"
  | "decryption_failed";

/**
 * One problem found in a webhook. `message` is meant for logs: it never contains a secret, the
 * master key or the expected signature.
 *
 * @example
 * ```ts
 * const verdict = verifyWebhook(credentials, { body, signature, key });
 * for (const problem of verdict.validationErrors) console.warn(problem.code, problem.message);
 * ```
 */
export interface WebhookValidationError {
  code: WebhookValidationErrorCode;
  message: string;
}

/**
 * Records a problem in `problems`. Returns `undefined`, what a check returns when the part it
 * checks is refused, so that a check can end with `return refuse(...)`.
 */
export function refuse(problems: WebhookValidationError[], code: WebhookValidationErrorCode, message: string): undefined {
  problems.push({ code, message });
  return undefined;
}

import { expect } from "vitest";
import { PusherConfigError, PusherValidationError, type ValidationErrorCode } from "../../src/index.js";

/** Runs `action` and returns what it threw; fails the test if it returned instead. */
export function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw, but the call returned");
}

/** Asserts that `action` throws a PusherValidationError with this code, field and message. */
export function expectValidationError(
  action: () => unknown,
  code: ValidationErrorCode,
  field: string,
  message: RegExp | string,
): PusherValidationError {
  const error = catchError(action);
  expect(error).toBeInstanceOf(PusherValidationError);
  const validationError = error as PusherValidationError;
  expect(validationError.code).toBe(code);
  expect(validationError.field).toBe(field);
  if (typeof message === "string") expect(validationError.message).toContain(message);
  else expect(validationError.message).toMatch(message);
  return validationError;
}

/** Asserts that `action` throws a PusherConfigError naming `option`. */
export function expectConfigError(action: () => unknown, option: string): PusherConfigError {
  const error = catchError(action);
  expect(error).toBeInstanceOf(PusherConfigError);
  const configError = error as PusherConfigError;
  expect(configError.code).toBe("invalid_config");
  expect(configError.option).toBe(option);
  expect(configError.message).toContain(option);
  return configError;
}

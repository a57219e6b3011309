/** Runs `action` and returns what it threw; fails the test if it returned instead. */
export function catchError(action: () => unknown): unknown {
  let returned: unknown;
  try {
    returned = action();
  } catch (error) {
    return error;
  }
  throw new Error(`expected a throw, but the call returned ${JSON.stringify(returned)}`);
}

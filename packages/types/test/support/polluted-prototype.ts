// Runs a test with values planted on Object.prototype, as a polluting merge elsewhere in an
// application would plant them (`merge({}, JSON.parse('{"__proto__": {…}}'))`), and removes them
// afterwards whatever happens. The tests of every package that reads options, params or decisions
// use it to show that nothing planted there is taken for what the caller gave.
export async function withPollutedPrototype<T>(planted: Record<string, unknown>, run: () => T | Promise<T>): Promise<T> {
  for (const [name, value] of Object.entries(planted)) {
    Object.defineProperty(Object.prototype, name, { value, configurable: true, writable: true, enumerable: false });
  }
  try {
    return await run();
  } finally {
    for (const name of Object.keys(planted)) delete (Object.prototype as Record<string, unknown>)[name];
  }
}

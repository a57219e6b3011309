/**
 * Calls one of the application's decision callbacks and awaits its answer when it is a thenable
 * (a Promise). The answer is returned boxed: an async function that resolved to the bare value
 * would read its `then` again, and a value whose `then` throws (a Proxy, a getter) would turn a
 * refusal into a failure. Reading `then` is guarded for the same reason: such a value is simply
 * not a thenable, and not an allow either. A callback that throws, or whose promise rejects,
 * rejects here: that is a failure of the application (500), not a decision.
 */
export async function askApplication<C>(callback: (context: C) => unknown, context: C): Promise<{ decision: unknown }> {
  const answer = callback(context);
  return { decision: isThenable(answer) ? await answer : answer };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  try {
    return typeof (value as { then?: unknown } | null | undefined)?.then === "function";
  } catch {
    return false;
  }
}

/**
 * Calls `operation` `total` times with at most `concurrency` calls in flight (each of
 * `concurrency` workers starts its next call when its last one settles), and resolves with the
 * elapsed milliseconds. The first failure rejects: a benchmark that lost requests is void.
 */
export async function runConcurrently(total: number, concurrency: number, operation: (index: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) await operation(next++);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return performance.now() - started;
}

/**
 * Runs `task` on every item, at most `concurrency` at a time, and resolves when all have
 * settled. A task's rejection is its own business: it must catch what it wants to keep.
 *
 * @example
 * ```ts
 * await runPool(cells, 3, async (cell) => results.set(cell, await run(cell)));
 * ```
 */
export async function runPool<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

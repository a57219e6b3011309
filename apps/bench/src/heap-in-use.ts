/**
 * The heap in use, in bytes, after a full garbage collection: what the process really holds.
 * Needs `--expose-gc` (the suites are started with it).
 */
export function heapInUse(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("the memory benchmarks need node --expose-gc");
  gc();
  return process.memoryUsage().heapUsed;
}

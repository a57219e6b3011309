import type { AuthorizationResult } from "./bench-authorization.js";
import type { ColdStartResult } from "./bench-cold-start.js";
import type { MemoryResult } from "./bench-memory.js";
import type { BackpressureResult } from "./bench-publisher-backpressure.js";
import type { PublisherResult } from "./bench-publisher.js";
import type { OpsPerSecond } from "./measure-ops.js";
import type { Throughput } from "./measure-trigger-slices.js";

/** Everything one run of the suite measured, on one Node version. */
export interface SuiteResult {
  /** `process.version`, e.g. "v24.22.3". */
  node: string;
  cpu: string;
  cores: number;
  authorization: AuthorizationResult;
  webhooks: OpsPerSecond;
  trigger: Record<string, Throughput>;
  publisher: PublisherResult;
  coldStartMs: ColdStartResult;
  memory: MemoryResult;
  backpressure: BackpressureResult;
}

import type { AuthorizationResult } from "./bench-authorization.js";
import type { MemoryResult } from "./bench-memory.js";
import type { OpsPerSecond } from "./measure-ops.js";
import type { PublisherResult } from "./bench-publisher.js";
import type { Throughput } from "./bench-trigger.js";

/** Everything one run of the suite measured, on one Node version. */
export interface SuiteResult {
  node: string;
  cpu: string;
  cores: number;
  date: string;
  authorization: AuthorizationResult;
  webhooks: OpsPerSecond;
  trigger: Record<string, Throughput>;
  publisher: PublisherResult;
  /** Median wall time of a fresh process, in milliseconds, by contender. */
  coldStartMs: Record<string, number>;
  memory: MemoryResult;
}

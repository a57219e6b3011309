import type { RuntimeResult } from "./bench-runtimes.js";
import type { ClusterResult } from "./run-cluster.js";
import type { SizesResult } from "./sizes-result.js";
import type { SuiteResult } from "./suite-result.js";

/** Everything one `pnpm bench` measured: what the report is made of. */
export interface BenchResults {
  /** When the run ended (ISO 8601, from the clock). */
  date: string;
  durationSeconds: number;
  cpu: string;
  cores: number;
  /** Whether it was a quick run (small counts, figures meaningless). */
  quick: boolean;
  sizes: SizesResult;
  /** One suite per Node version, in version order. */
  runs: SuiteResult[];
  /** Bun and Deno. */
  runtimes: RuntimeResult[];
  cluster: ClusterResult;
}

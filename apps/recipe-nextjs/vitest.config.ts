import { packageTestConfig } from "../../vitest.shared.ts";

// `next build` runs in the suite's beforeAll: allow it a few minutes on a loaded machine.
export default packageTestConfig({ test: { hookTimeout: 300_000 } });

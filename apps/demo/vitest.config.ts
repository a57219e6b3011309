import { packageTestConfig } from "../../vitest.shared.ts";

// The browser test drives two Chromium pages through joins, messages and a departure.
export default packageTestConfig({ test: { testTimeout: 90_000 } });

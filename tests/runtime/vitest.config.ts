import { packageTestConfig } from "../../vitest.shared.ts";

// One local Pusher-compatible server for the whole run and one user project (test/global-setup.ts), shared by
// every runtime's trigger case.
export default packageTestConfig({ test: { globalSetup: ["test/global-setup.ts"] } });

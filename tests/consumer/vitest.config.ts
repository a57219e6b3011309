import { packageTestConfig } from "../../vitest.shared.ts";

// The tarballs are packed and installed once for the whole run, beside one local
// Pusher-compatible server (test/global-setup.ts).
export default packageTestConfig({ test: { globalSetup: ["test/global-setup.ts"] } });

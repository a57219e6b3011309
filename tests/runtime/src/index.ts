// The tools of the runtime matrix that other workspace packages reuse to run their own code under
// workerd as a user would (the Cloudflare Worker example in apps/). Consumed as TypeScript source.
export type { WorkerBundle } from "./bundle-worker.js";
export { bundleWorker } from "./bundle-worker.js";
export type { ServeWorkerOptions, ServedWorker } from "./serve-worker.js";
export { serveWorker } from "./serve-worker.js";
export type { UserProject, UserProjectOptions } from "./user-project.js";
export { createUserProject, removeUserProject } from "./user-project.js";
export { WORKERD_COMPATIBILITY_DATE } from "./workerd-config.js";
export type { InstallOutput, PackageManifest, PackedPackage } from "./packed-packages.js";
export { npmInstall, packageManagerEnv, packPublishedPackages } from "./packed-packages.js";
export type { RuntimeId } from "./runtimes.js";
export { SUPPORTED_NODE_MAJORS, nodeBinary, runtime } from "./runtimes.js";
export { runProcessForReport, runWorkerForReport } from "./run-for-report.js";

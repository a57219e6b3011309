import { describeRuntime } from "./support/describe-runtime.js";

describeRuntime("bun");

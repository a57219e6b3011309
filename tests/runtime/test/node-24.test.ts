import { describeRuntime } from "./support/describe-runtime.js";

describeRuntime("node-24");

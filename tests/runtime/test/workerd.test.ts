import { describeRuntime } from "./support/describe-runtime.js";

describeRuntime("workerd");

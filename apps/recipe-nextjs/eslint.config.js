// @ts-check
// The repository's rules, minus what Next.js writes: its build output and next-env.d.ts.
import root from "../../eslint.config.js";

export default [...root, { ignores: [".next/**", "next-env.d.ts"] }];

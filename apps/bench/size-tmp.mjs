import { build } from "esbuild";
import { writeFileSync } from "node:fs";
const r = await build({ stdin: { contents: process.argv[3], resolveDir: process.cwd(), loader: "js" }, bundle: true, minify: true, platform: "node", format: "esm", write: false, logLevel: "silent", tsconfigRaw: {} });
writeFileSync(process.argv[2], r.outputFiles[0].text);

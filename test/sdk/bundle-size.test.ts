/**
 * What a bundler keeps of the SDK: one operation and the shared runtime, at most 3 KB minified and gzipped, and
 * nothing of the operations a program does not call. Bundled with esbuild (installed with tsx); skipped with a
 * message when it cannot be loaded.
 */
import { gzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CATALOG } from "./helpers/catalog.js";
import { SHELTER } from "./helpers/shelter.js";
import { sdkFilesOf, writeSdk } from "./helpers/sdk.js";

/** The largest bundle of one operation and the runtime, bytes of gzip (level 9) of esbuild's minified output. */
const BUDGET = 3 * 1024;

type Esbuild = typeof import("esbuild");
const esbuild = await import("esbuild").then(
  (m: Esbuild) => m,
  () => undefined,
);

const dir = writeSdk("bundle", sdkFilesOf(SHELTER));
const catalogDir = writeSdk("bundle-catalog", sdkFilesOf(CATALOG));

/** Minified bundle of `code` (an entry module next to the SDK's `src/` in `resolveDir`). */
async function bundle(build: Esbuild["build"], code: string, resolveDir = dir): Promise<string> {
  const result = await build({
    stdin: { contents: code, resolveDir, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

if (!esbuild) {
  console.log("sdk bundle size: esbuild cannot be loaded; skipped");
  test.skip("one operation and the runtime bundle to at most 3 KB min+gzip");
} else {
  test("one operation and the runtime bundle to at most 3 KB min+gzip, without the other operations", async () => {
    const code = await bundle(esbuild.build, `import { getPet } from "./src/index.js";\nconsole.log(await getPet({ path: { petId: "1" } }));\n`);
    const gzip = gzipSync(code, { level: 9 }).length;
    console.log(`sdk bundle size: getPet + runtime ${code.length} B minified, ${gzip} B gzip`);
    assert.ok(gzip <= BUDGET, `${gzip} B > ${BUDGET} B`);
    assert.match(code, /\/pets\/\{petId\}/);
    for (const other of ["/uploads", "/forms", "/search", "submitForm", "ShelterClient"]) assert.not.match(code, other, `${other} is bundled`);
    assert.not.match(code, /new FormData/, "the multipart encoder is bundled");
    assert.not.match(code, /URLSearchParams\(/, "the form encoder is bundled");
  });

  test("an operation with a form body brings the form encoder, and still fits", async () => {
    const code = await bundle(esbuild.build, `import { submitForm } from "./src/index.js";\nawait submitForm({ body: { name: "n" } });\n`);
    assert.match(code, /URLSearchParams\(/);
    assert.ok(gzipSync(code, { level: 9 }).length <= BUDGET);
  });

  test("a page iterator, its operation and the runtime fit too; an operation alone does not bring the pages code", async () => {
    const code = await bundle(esbuild.build, `import { listCursorsPages } from "./src/index.js";\nfor await (const p of listCursorsPages()) console.log(p);\n`, catalogDir);
    const gzip = gzipSync(code, { level: 9 }).length;
    console.log(`sdk bundle size: listCursorsPages + runtime ${code.length} B minified, ${gzip} B gzip`);
    assert.ok(gzip <= BUDGET, `${gzip} B > ${BUDGET} B`);
    assert.match(code, /"\/cursors"/);
    for (const other of ["/numbered", "/offsets", "/after", "CatalogClient"]) assert.not.match(code, other, `${other} is bundled`);
    const alone = await bundle(esbuild.build, `import { listCursors } from "./src/index.js";\nconsole.log(await listCursors());\n`, catalogDir);
    assert.not.match(alone, /rel\s*=/, "the Link header reader is bundled");
  });
}

test.run();

/**
 * The files that make `sdk/typescript/` a package: `package.json` (ESM, `types`, no runtime dependency but optional
 * peer ones for the opt-in entries that need a library, `sideEffects: false` so bundlers drop unused operations),
 * `tsconfig.json` (strict, `src/` → `dist/` with declarations) and `src/index.ts` (what the package exports).
 */
import type { GatewayModel } from "../../model/types.js";
import { GENERATED_HEADER } from "../emitter.js";
import { packageName, packageVersion, type PackageNames } from "./names.js";
import type { RuntimeSource } from "./runtime-source.js";
import { SIGNER_PACKAGE } from "./sigv4-source.js";
import { createPrinter, reexport } from "./ts.js";

/** The TypeScript version the package builds with (a development dependency only). */
const TYPESCRIPT = "^5.9.3";

/** `JSON.stringify` with two-space indents and a trailing newline. */
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** An npm package that only an opt-in entry imports, and the versions the generated package accepts. */
export interface OptionalPeer {
  readonly name: string;
  readonly version: string;
}

/**
 * `package.json`. With `signer` (an IAM-authorized API), the `./sigv4` entry; `entries`: more entries (`websocket`
 * → `./websocket`, built from `src/websocket.ts`). The libraries of the opt-in entries (the signer's, and `peers`)
 * are optional peer dependencies, and development ones so that the package builds.
 */
export function packageJson(model: GatewayModel, signer = false, entries: readonly string[] = [], peers: readonly OptionalPeer[] = []): string {
  const optional = [...(signer ? [SIGNER_PACKAGE] : []), ...peers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const versions = Object.fromEntries(optional.map((p) => [p.name, p.version]));
  const title = model.info.title.replace(/\s+/g, " ").trim();
  const version = model.info.version.replace(/\s+/g, " ").trim();
  return json({
    name: packageName(model),
    version: packageVersion(model),
    description: `TypeScript client of ${title || "the API"}${version ? ` (API version ${version})` : ""}. ${GENERATED_HEADER}`,
    type: "module",
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    exports: {
      ".": { types: "./dist/index.d.ts", import: "./dist/index.js" },
      ...(signer ? { "./sigv4": { types: "./dist/sigv4.d.ts", import: "./dist/sigv4.js" } } : {}),
      ...Object.fromEntries(entries.map((e) => [`./${e}`, { types: `./dist/${e}.d.ts`, import: `./dist/${e}.js` }])),
    },
    files: ["dist", "src"],
    sideEffects: false,
    scripts: { build: "tsc -p tsconfig.json", prepare: "tsc -p tsconfig.json" },
    ...(optional.length > 0
      ? { peerDependencies: versions, peerDependenciesMeta: Object.fromEntries(optional.map((p) => [p.name, { optional: true }])) }
      : {}),
    devDependencies: { ...versions, typescript: TYPESCRIPT },
  });
}

/** `tsconfig.json`: strict, ES2022 modules, DOM types for `fetch` (Node 18+ and browsers have it). */
export function tsconfigJson(): string {
  return json({
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      lib: ["ES2022", "DOM"],
      types: [],
      strict: true,
      declaration: true,
      skipLibCheck: true,
      rootDir: "src",
      outDir: "dist",
    },
    include: ["src"],
  });
}

/** `src/index.ts`: the types, the operations, the client, and the runtime's public exports. */
export function indexFile(pkg: PackageNames, runtime: RuntimeSource): string {
  const print = createPrinter();
  const statements = [
    reexport("./types.js"),
    reexport("./operations.js"),
    reexport("./client.js", [pkg.client]),
    reexport("./runtime.js", runtime.values),
    reexport("./runtime.js", runtime.types, true),
  ];
  return `/**\n * The package's exports. ${GENERATED_HEADER}\n */\n${statements.map(print).join("\n")}\n`;
}

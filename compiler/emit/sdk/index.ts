/**
 * The `sdk` emitter: a typed TypeScript client package in `sdk/typescript/`, for any OpenAPI 3.0/3.1 description
 * (with or without `x-gateway`):
 *
 * - `src/types.ts`: a type for every schema and for each operation's inline schemas (./types/);
 * - `src/runtime.ts`: the shared runtime, the same for every API (templates/sdk/runtime.ts);
 * - `src/operations.ts`: one function per operation, typed parameters, results and errors (./operations-file.ts);
 * - `src/client.ts`: a class over them (./client-file.ts); `src/index.ts`: the exports;
 * - for operations whose shape shows pagination (./pagination.ts), a page iterator (`listPetsPages`) beside them;
 * - `src/sigv4.ts`, when a security scheme is implemented with IAM: an opt-in AWS Signature Version 4 signer
 *   (the `./sigv4` entry, over the optional peer dependency `aws4fetch`; ./sigv4-source.ts);
 * - `package.json`, `tsconfig.json` and a README that calls this API's own operations;
 * - with `x-gateway.websocket`, the WebSocket client and the backend's post functions (./websocket/), the latter
 *   over the optional peer dependency `@aws-sdk/client-apigatewaymanagementapi`.
 *
 * Names: the runtime's public exports are reserved before the types are named, and every other export is claimed
 * from the allocator that named the types, so the package's exports never collide (./names.ts).
 */
import type { GatewayModel } from "../../model/types.js";
import type { Emitter, OutputFile } from "../emitter.js";
import { defaultBaseUrl } from "./base-url.js";
import { clientFile } from "./client-file.js";
import { sdkNames } from "./names.js";
import { operationsFile } from "./operations-file.js";
import { indexFile, packageJson, tsconfigJson } from "./package-files.js";
import { readme } from "./readme.js";
import { runtimeSource } from "./runtime-source.js";
import { schemeSpecs } from "./security.js";
import { needsSigner, sigv4Source } from "./sigv4-source.js";
import { pagingOf } from "./pagination.js";
import { schemaTypes } from "./types/index.js";
import { Targets } from "./types/targets.js";
import { MANAGEMENT_API_PACKAGE, WEBSOCKET_ENTRIES, websocketFiles } from "./websocket/index.js";
import { websocketReadme } from "./websocket/readme.js";

/** Where the package is written, under `--out`. */
export const SDK_DIR = "sdk/typescript";

/** The files of the SDK package of `model`, paths relative to `--out`. */
export function sdkFiles(model: GatewayModel): OutputFile[] {
  const runtime = runtimeSource();
  const types = schemaTypes(model, { reserved: new Set([...runtime.values, ...runtime.types]) });
  const callable = model.operations.flatMap((op, i) => (op.method === "ANY" ? [] : [{ op, types: types.names.operations[i] as (typeof types.names.operations)[number] }]));
  const targets = new Targets(model);
  const paging = callable.map((c) => pagingOf(c.op, targets));
  const names = sdkNames(model, callable.map((c) => c.op), types.allocator, (i) => paging[i] !== undefined);
  const schemes = schemeSpecs(model);
  const baseUrl = defaultBaseUrl(model);
  const ops = operationsFile({
    model,
    operations: callable.map((c, i) => ({ ...c, names: names.operations[i] as (typeof names.operations)[number], paging: paging[i] })),
    pkg: names.package,
    schemes,
    baseUrl,
  });
  const file = (path: string, content: string): OutputFile => ({ path: `${SDK_DIR}/${path}`, content });
  const signer = needsSigner(schemes);
  const socket = model.websocket !== undefined;
  return [
    file("package.json", packageJson(model, signer, socket ? WEBSOCKET_ENTRIES : [], socket ? [MANAGEMENT_API_PACKAGE] : [])),
    file("tsconfig.json", tsconfigJson()),
    file("README.md", readme(model, ops.operations, names.package, schemes, baseUrl) + websocketReadme(model)),
    file("src/types.ts", types.text),
    file("src/runtime.ts", runtime.text),
    file("src/operations.ts", ops.text),
    file("src/client.ts", clientFile(model, ops.operations, names.package)),
    file("src/index.ts", indexFile(names.package, runtime)),
    ...(signer ? [file("src/sigv4.ts", sigv4Source())] : []),
    // Last: its names are claimed after every other.
    ...websocketFiles(model, types.names.schemas, types.allocator).map((f) => file(f.path, f.content)),
  ];
}

/** The SDK emitter, registered in ../index.ts. */
export const sdkEmitter: Emitter = {
  name: "sdk",
  emit: (model) => sdkFiles(model),
};

/**
 * The `sdk` emitter's output as text: the files of the package, function and type names (hostile operation ids,
 * runtime names), result and error unions, request descriptions (styles, bodies, security), the base URL, the
 * package's name and version, doc comments, and which diagnostics an SDK-only build reports.
 */
import * as fs from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { codes, whenNotDeploying, type DiagnosticCode } from "../../compiler/diagnostics/codes.js";
import { sdkFiles } from "../../compiler/emit/sdk/index.js";
import { build, createMemoryHost } from "../../compiler/index.js";
import { functionName, packageVersion } from "../../compiler/emit/sdk/names.js";
import { runtimeSource } from "../../compiler/emit/sdk/runtime-source.js";
import type { Operation } from "../../compiler/model/types.js";
import { at, emptyModel } from "../helpers/model.js";
import { buildSdk, sdkFilesOf } from "./helpers/sdk.js";
import { SHELTER } from "./helpers/shelter.js";

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json) => ({ description: "d", content: { "application/json": { schema } } });
const ok = { "200": { description: "ok" } };

/** A document with `paths` and `schemas`, OpenAPI 3.0.3, no `x-gateway`. */
function spec(paths: Json, schemas: Json = {}, extra: Json = {}): Json {
  return { openapi: "3.0.3", info: { title: "Zoo API", version: "1.0" }, paths, components: { schemas }, ...extra };
}

/** The statement of `operations.ts` that declares `name` (with its doc comment). */
function declarationIn(text: string, name: string): string {
  const block = text.split("\n\n").find((b) => new RegExp(`^export (?:interface|type|function) ${name.replace(/\$/g, "\\$")}\\b`, "m").test(b));
  if (block === undefined) throw new Error(`No ${name} in:\n${text}`);
  return block.trim();
}

const shelter = sdkFilesOf(SHELTER);
const operations = shelter.get("src/operations.ts") as string;

test("the package: its files, ESM package.json without runtime dependencies, strict tsconfig", () => {
  assert.equal([...shelter.keys()], [
    "package.json",
    "tsconfig.json",
    "README.md",
    "src/types.ts",
    "src/runtime.ts",
    "src/operations.ts",
    "src/client.ts",
    "src/index.ts",
  ]);
  const pkg = JSON.parse(shelter.get("package.json") as string) as Json;
  assert.equal([pkg["name"], pkg["version"], pkg["type"], pkg["types"], pkg["sideEffects"], pkg["dependencies"]], ["shelter-client", "2.1.0", "module", "./dist/index.d.ts", false, undefined]);
  assert.equal(Object.keys(pkg["devDependencies"] as Json), ["typescript"]);
  const tsconfig = JSON.parse(shelter.get("tsconfig.json") as string) as { compilerOptions: Json };
  assert.is(tsconfig.compilerOptions["strict"], true);
  assert.is(shelter.get("src/runtime.ts"), runtimeSource().text);
});

test("index.ts exports the types, the operations, the client and the runtime's public names only", () => {
  const { values, types } = runtimeSource();
  assert.equal(values, ["ApiError", "settle", "stageUrl"]);
  assert.ok(types.includes("ApiResponse") && types.includes("RequestSigner") && !types.includes("Operation"), types.join(", "));
  assert.is(
    shelter.get("src/index.ts")?.split("\n").slice(3).join("\n"),
    [
      'export * from "./types.js";',
      'export * from "./operations.js";',
      'export { ShelterClient } from "./client.js";',
      'export { ApiError, settle, stageUrl } from "./runtime.js";',
      `export type { ${types.join(", ")} } from "./runtime.js";`,
      "",
    ].join("\n"),
  );
});

test("function names: camelCase of the operation id through toIdentifier, reserved words and hazards renamed", () => {
  const cases: [string, string][] = [
    ["listPets", "listPets"],
    ["GetAccounts", "getAccounts"],
    ["URLShortener", "urlShortener"],
    ["ID", "id"],
    ["repos/get-content", "reposGetContent"],
    ["get_user", "get_user"],
    ["2fa", "_2fa"],
    ["delete", "delete_"],
    ["Delete", "delete_"],
    ["then", "then_"],
    ["constructor", "constructor_"],
    ["__proto__", "__proto___"],
  ];
  assert.equal(cases.map(([id]) => [id, functionName(id)]), cases);
});

test("a function per operation: typed parameters by location, the result and error unions, the runtime description", () => {
  assert.is(
    declarationIn(operations, "getPet"),
    [
      "/**",
      " * Get one pet",
      " *",
      " * Answers 404 for `missing`, 500 for `boom`, 204 for `empty`, and an echo otherwise.",
      " *",
      " * `GET /pets/{petId}`",
      " */",
      "export function getPet(params: GetPetParams, options?: Options): ApiPromise<GetPetResult, GetPetError> {",
      '    return $runtime.request<GetPetResult, GetPetError>($api, { id: "getPet", method: "GET", path: "/pets/{petId}", security: [["apiKey"], ["bearer"]] as const }, params, options);',
      "}",
    ].join("\n"),
  );
  assert.is(declarationIn(operations, "GetPetResult"), "/** What getPet resolves with, by status. */\nexport type GetPetResult = ApiResponse<200, Echo> | ApiResponse<204, undefined>;");
  assert.match(declarationIn(operations, "GetPetError"), /export type GetPetError = ApiError<404, NotFound> \| ApiError<Status3XX \| Exclude<Status4XX, 404> \| Status5XX, Problem>;$/);
  assert.is(
    declarationIn(operations, "GetPetParams"),
    [
      "/** Parameters of getPet, by location. */",
      "export interface GetPetParams {",
      "    path: {",
      "        /** Any text: it is percent-encoded. */",
      "        petId: string;",
      "    };",
      "}",
    ].join("\n"),
  );
  assert.match(declarationIn(operations, "search"), /styles: \{ query: \{ ids: \["form", false\], filter: \["deepObject", true\], sort: \["spaceDelimited", false\], fields: \["pipeDelimited", false\], color: \["form", false\] \} \} as const/);
  assert.match(declarationIn(operations, "submitForm"), /body: \$runtime\.formBody, encoding: \{ items: \["deepObject", true\], tags: \["form", false\] \} as const/);
  assert.match(declarationIn(operations, "putPhoto"), /body: \$runtime\.raw, type: "image\/png"/);
  assert.match(declarationIn(operations, "slow"), /path: "\/slow" \}, params, options\)/, "security: [] sends nothing");
  assert.match(declarationIn(operations, "SearchParams"), /\n {4}query: \{\n[^]*\n {4}header\?: \{\n[^]*"X-Trace"\?: string\[\];[^]*\n {4}cookie\?: \{/);
});

test("an undeclared path variable becomes a required member; a deprecated operation is marked on its function and method", () => {
  assert.match(declarationIn(operations, "GetFileParams"), /path: \{\n {8}\/\*\* Not declared by the operation; named by its path\. \*\/\n {8}rest: string \| number;\n {4}\};/);
  assert.match(declarationIn(operations, "delete_"), /^\/\*\*\n \* `DELETE \/pets\/\{petId\}`\n \* @deprecated\n \*\/\nexport function delete_\(/);
  // The client's methods are the functions themselves, typed through the module: `@deprecated` comes with them.
  assert.match(shelter.get("src/client.ts") as string, /\nexport interface ShelterClient extends Omit<typeof \$operations, "configure"> \{\n\}\n/);
});

test("ranges and default: 2XX and 4XX cover the statuses not declared one by one; the rest is unknown", () => {
  const files = sdkFilesOf(
    spec({
      "/a": {
        get: {
          operationId: "ranges",
          responses: { "200": json(ref("A")), "2XX": json(ref("B")), "404": json(ref("C")), "4XX": json(ref("D")) },
        },
      },
      "/b": { get: { operationId: "onlyDefault", responses: { default: json(ref("D")) } } },
      "/c": { get: { operationId: "nothing", responses: { "101": { description: "switch" } } } },
    }, Object.fromEntries(["A", "B", "C", "D"].map((n) => [n, { type: "string" }]))),
  );
  const text = files.get("src/operations.ts") as string;
  assert.match(text, /export type RangesResult = ApiResponse<200, A> \| ApiResponse<Exclude<Status2XX, 200>, B>;/);
  assert.match(text, /export type RangesError = ApiError<404, C> \| ApiError<Exclude<Status4XX, 404>, D> \| ApiError<Status3XX \| Status5XX, unknown>;/);
  assert.match(text, /export type OnlyDefaultResult = ApiResponse<Status2XX, D>;\n/);
  assert.match(text, /export type OnlyDefaultError = ApiError<ErrorStatus, D>;\n/);
  assert.match(text, /export type NothingResult = ApiResponse<Status2XX, unknown>;\n/);
});

test("bodies: JSON preferred, GET sends none, a `*/*` binary body sets no media type", () => {
  const files = sdkFilesOf(
    spec({
      "/a": {
        get: { operationId: "getWithBody", requestBody: { content: { "application/x-www-form-urlencoded": { schema: { type: "object" } } } }, responses: ok },
        post: {
          operationId: "both",
          requestBody: { required: true, content: { "application/x-www-form-urlencoded": { schema: ref("F") }, "application/merge-patch+json": { schema: ref("J") } } },
          responses: ok,
        },
        put: { operationId: "anything", requestBody: { content: { "*/*": { schema: { type: "string", format: "binary" } } } }, responses: ok },
      },
    }, { F: { type: "object" }, J: { type: "object", properties: { a: { type: "string" } } } }),
  );
  const text = files.get("src/operations.ts") as string;
  const sdkTypes = files.get("src/types.ts") as string;
  assert.not.match(declarationIn(text, "GetWithBodyParams"), /body/);
  assert.match(declarationIn(text, "getWithBody"), /path: "\/a" \}/);
  assert.match(declarationIn(text, "BothParams"), /body: J;/);
  assert.match(declarationIn(text, "both"), /body: \$runtime\.json, type: "application\/merge-patch\+json"/);
  assert.match(declarationIn(text, "AnythingParams"), /body\?: AnythingRequest;/);
  assert.match(sdkTypes, /export type AnythingRequest = Blob;/);
  assert.match(declarationIn(text, "anything"), /body: \$runtime\.raw \}/);
});

test("names never collide: runtime names get the Model suffix, spec names keep theirs, the SDK's own give way", () => {
  const text = sdkFilesOf(
    spec(
      {
        "/a": { get: { operationId: "configure", responses: { "200": json(ref("ApiError")) } } },
        "/b": { get: { operationId: "settle", responses: ok } },
        "/c": { get: { operationId: "ZooApiClient", responses: ok } },
      },
      { ApiError: { type: "object", properties: { message: { type: "string" } } }, Options: { type: "string" }, ZooAPIClient: { type: "string" } },
    ),
  );
  const types = text.get("src/types.ts") as string;
  const ops = text.get("src/operations.ts") as string;
  assert.match(types, /export interface ApiErrorModel \{/);
  assert.match(types, /export type Options = string;/);
  assert.match(ops, /export type ConfigureResult = ApiResponse<200, ApiErrorModel>;/);
  assert.match(ops, /export function configure\(params\?: ConfigureParams, options\?: Options2\)/);
  assert.match(ops, /export function configure2\(options: Options2\): void/);
  assert.match(ops, /export function settle_\(/);
  assert.match(ops, /export function zooApiClient\(/);
  assert.match(text.get("src/client.ts") as string, /export class ZooAPIClient2 \{/);
  assert.match(text.get("src/index.ts") as string, /export \{ ZooAPIClient2 \} from "\.\/client\.js";/);
});

test("credentials: one member per scheme the SDK sends, typed by kind; IAM schemes take a signer; mutual TLS none", () => {
  const text = sdkFilesOf(
    spec({ "/a": { get: { operationId: "a", security: [{ mtls: [], key: [] }, { oauth: ["read"] }], responses: ok } } }, {}, {
      components: {
        securitySchemes: {
          key: { type: "apiKey", in: "query", name: "api_key" },
          basic: { type: "http", scheme: "Basic" },
          digest: { type: "http", scheme: "Digest" },
          oauth: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "https://x/token", scopes: { read: "r" } } } },
          mtls: { type: "mutualTLS" },
          iam: { type: "apiKey", in: "header", name: "Authorization", "x-gateway": { iam: true } },
        },
      },
      openapi: "3.1.0",
    }),
  ).get("src/operations.ts") as string;
  assert.match(declarationIn(text, "Credentials"), /\n {4}basic\?: Credential<BasicCredentials>;\n[^]*\n {4}digest\?: Credential;\n[^]*\n {4}iam\?: RequestSigner;\n[^]*\n {4}key\?: Credential;\n[^]*\n {4}oauth\?: Credential;\n\}$/);
  assert.not.match(declarationIn(text, "Credentials"), /mtls/);
  assert.match(text, /schemes: \{ basic: \{ kind: "basic" \}, digest: \{ kind: "http", scheme: "digest" \}, iam: \{ kind: "sigv4" \}, key: \{ kind: "apiKey", in: "query", name: "api_key" \}, oauth: \{ kind: "bearer" \} \} as const/);
  assert.match(declarationIn(text, "a"), /security: \[\["key"\], \["oauth"\]\] as const/);
});

test("the default base URL: the first server with its variables, else a literal custom domain and base path", () => {
  const baseOf = (extra: Json) => /baseUrl: (".*?")/.exec(sdkFilesOf(spec({ "/a": { get: { operationId: "a", responses: ok } } }, {}, extra)).get("src/operations.ts") as string)?.[1];
  assert.is(baseOf({ servers: [{ url: "{scheme}://{host}/v1", variables: { scheme: { default: "https" }, host: { default: "api.zoo.example" } } }, { url: "https://b" }] }), '"https://api.zoo.example/v1"');
  const domain = { "x-gateway": { domain: { name: "api.zoo.example", certificate: "arn:aws:acm:eu-west-1:123456789012:certificate/abc", basePath: "v2" } } };
  assert.is(baseOf(domain), '"https://api.zoo.example/v2"');
  assert.is(baseOf({}), '""');
});

test("package name and version: x-gateway.sdk, else the title and a semver made of info.version", () => {
  const pkgOf = (extra: Json) => JSON.parse(sdkFilesOf(spec({}, {}, extra)).get("package.json") as string) as { name: string; version: string };
  const fromSdk = pkgOf({ "x-gateway": { sdk: { packageName: "@zoo/client", version: "3.1.4-beta.1" } } });
  assert.equal([fromSdk.name, fromSdk.version], ["@zoo/client", "3.1.4-beta.1"]);
  const fromInfo = pkgOf({});
  assert.equal([fromInfo.name, fromInfo.version], ["zoo-api-client", "1.0.0"]);
  const model = (version: string) => emptyModel({ info: { title: "t", version } });
  assert.equal(["1.2", "v3", "2.0.1", "2023-08-16", ""].map((v) => packageVersion(model(v))), ["1.2.0", "3.0.0", "2.0.1", "0.0.0", "0.0.0"]);
});

test("doc comments: spec text cannot close a comment or break a line out of it", () => {
  const text = sdkFilesOf(spec({ "/a": { get: { operationId: "a", summary: "ends */ here", description: "line\u2028two\r\nthree", responses: ok } } })).get("src/operations.ts") as string;
  assert.match(declarationIn(text, "a"), /^\/\*\*\n \* ends \*\\\/ here\n \*\n \* line\n \* two\n \* three\n \*\n \* `GET \/a`\n \*\/\nexport function a\(/);
});

test("operations of method ANY get no function; an API without operations still has a client", () => {
  const any: Operation = {
    kind: "operation", id: "catchAll", idDerived: false, method: "ANY", path: "/{proxy+}", deprecated: false, tags: [], parameters: [], responses: [],
    security: [], securityDeclared: false, public: true, integrationKeys: [], options: { binary: false, usagePlans: [] }, nativeExtensions: {}, origin: at("/o"), gatewayOrigin: at("/o"),
  };
  const files = new Map(sdkFiles(emptyModel({ operations: [any] })).map((f) => [f.path, f.content]));
  assert.not.match(files.get("sdk/typescript/src/operations.ts") as string, /catchAll/);
  assert.match(files.get("sdk/typescript/src/client.ts") as string, /export class FixtureClient \{\n[^]*constructor\(_options: \$operations\.Options = \{\}\) \{\n {4}\}\n\}/);
  assert.not.match(files.get("sdk/typescript/src/operations.ts") as string, /\$api/);
});

test("an SDK-only build ignores what only deployment needs, and warns where the spec slips", () => {
  const doc = spec(
    {
      "/pets/{id}": { get: { operationId: "getPet", responses: ok } },
      "/pets/{petId}/toys": { get: { operationId: "toys", parameters: [{ name: "petId", in: "path", required: true, schema: { type: "string" } }], responses: ok } },
      "/a{b}": { get: { operationId: "mixed", parameters: [{ name: "b", in: "path", required: true, schema: { type: "string" } }], responses: ok, "x-gateway": { lambda: "nowhere" } } },
    },
    {},
    { security: [{ ghost: [] }] },
  );
  const deploy = buildSdk(doc, ["openapi", "pulumi", "sdk"]);
  const codes = (r: typeof deploy) => [...new Set(r.diagnostics.map((d) => `${d.severity} ${d.code}`))].sort();
  assert.equal(codes(deploy), [
    "error function-unknown",
    "error integration-missing",
    "error path-param-undeclared",
    "error path-segment-mixed",
    "error security-scheme-unknown",
    "error sibling-path-variables",
  ]);
  assert.equal(deploy.files, []);
  const sdkOnly = buildSdk(doc);
  assert.equal(codes(sdkOnly), ["warning path-param-undeclared", "warning security-scheme-unknown"]);
  assert.equal(sdkOnly.errorCount, 0);
  assert.ok(sdkOnly.files.every((f) => f.path.startsWith("sdk/typescript/")) && sdkOnly.files.length === 8);
});

test("duplicate operation ids block a deploying build, but an SDK-only one warns and names the later functions with a suffix", () => {
  const yaml = [
    "openapi: 3.0.3",
    "info: { title: Zoo, version: '1.0' }",
    "paths:",
    "  /a:",
    "    get: { operationId: getPet, responses: { '200': { description: ok, content: { application/json: { schema: { type: string } } } } } }",
    "  /b:",
    "    get: { operationId: getPet, responses: { '200': { description: ok, content: { application/json: { schema: { type: integer } } } } } }",
    "  /c:",
    "    get: { operationId: get-pet, responses: { '200': { description: ok } } }",
    "",
  ].join("\n");
  const run = (emit: readonly ("openapi" | "sdk")[]) => build(createMemoryHost({ "api.yaml": yaml }), "api.yaml", { out: "out", emit });
  const where = (r: ReturnType<typeof run>) =>
    r.diagnostics.filter((d) => d.code === "duplicate-operation-id").map((d) => `${r.locate(d).line}:${r.locate(d).column} ${d.severity}`);
  const deploying = run(["openapi", "sdk"]);
  assert.equal(where(deploying), ["7:25 error", "9:25 error"]);
  assert.equal(deploying.files, []);
  const sdkOnly = run(["sdk"]);
  assert.equal(where(sdkOnly), ["7:25 warning", "9:25 warning"]);
  assert.is(sdkOnly.errorCount, 0);
  const ops = sdkOnly.files.find((f) => f.path === "sdk/typescript/src/operations.ts")?.content ?? "";
  const fns = [...ops.matchAll(/^export function (\w+)\(params\?: (\w+), options\?: Options\): ApiPromise<(\w+), (\w+)>/gm)].map((m) => m.slice(1).join(" "));
  assert.equal(fns, ["getPet GetPetParams GetPetResult GetPetError", "getPet2 GetPet2Params GetPet2Result GetPet2Error", "getPet3 GetPet3Params GetPet3Result GetPet3Error"]);
  assert.match(ops, /export type GetPet2Result = ApiResponse<200, GetPetResponse200_2>;/);
  assert.match(ops, /path: "\/b"[^\n]*\n[^]*?export function getPet3[^]*?path: "\/c"/);
  // A later operation whose id clashes never renames an earlier one.
  const fewer = build(createMemoryHost({ "api.yaml": yaml.split("\n").slice(0, 7).join("\n") }), "api.yaml", { out: "out", emit: ["sdk"] });
  assert.match(fewer.files.find((f) => f.path === "sdk/typescript/src/operations.ts")?.content ?? "", /export function getPet\(params\?: GetPetParams[^]*export function getPet2\(/);
});

test("docs/diagnostics.md lists exactly the codes an SDK-only build skips and those it reports as warnings", () => {
  const text = fs.readFileSync(new URL("../../docs/diagnostics.md", import.meta.url), "utf8");
  const paragraph = /\*\*SDK-only builds\*\*[^]*?\n\n/.exec(text)?.[0] ?? "";
  const [skipped = "", warned = ""] = paragraph.split("are warnings");
  const listed = (part: string) => [...part.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1] as string).filter((c) => c in codes).sort();
  const table = (mode: string) => (Object.keys(codes) as DiagnosticCode[]).filter((c) => whenNotDeploying(c) === mode).sort();
  assert.equal(listed(skipped), table("skip"));
  assert.equal(listed(warned), table("warning"));
});

test("the same model gives the same bytes", () => {
  assert.equal(sdkFilesOf(SHELTER), shelter);
});

test.run();

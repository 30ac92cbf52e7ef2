/**
 * The SDK's README, from `templates/sdk/README.md.hbs`: how to build it, calls of this API's own operations (a
 * read and a write, with example parameters made from their schemas), errors, options, the credentials of its
 * security schemes, the page iterators and how pagination is read (./pagination.ts), and every operation.
 *
 * Spec text reaches the Markdown only as one line with table pipes escaped, or inside code as a string literal
 * made by `JSON.stringify` (backticks escaped, so no text closes a code fence or span).
 */
import * as fs from "node:fs";
import Handlebars from "handlebars";
import type { GatewayModel, Schema } from "../../model/types.js";
import { byKey } from "../../order.js";
import { GENERATED_HEADER } from "../emitter.js";
import { packageName, type PackageNames } from "./names.js";
import type { SdkOperation } from "./operations-file.js";
import { sentBody } from "./request.js";
import type { SchemeSpec } from "./security.js";
import { needsSigner, SIGNER_PACKAGE, SIGV4_SIGNER } from "./sigv4-source.js";

/** One line of spec text for Markdown prose and tables. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/\|/g, "\\|").trim();
}

/** A code span of `text`, or plain text when it holds a backtick. */
function code(text: string): string {
  return text.includes("`") ? oneLine(text) : `\`${oneLine(text)}\``;
}

/** A string literal safe inside a Markdown code block. */
function literal(text: string): string {
  return JSON.stringify(text).replace(/`/g, "\\u0060").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

const BLOB = Symbol("blob");

/** A property name in an object literal: the name itself when it is a plain identifier, else a string literal. */
const key = (name: string): string => (name === "__proto__" ? `[${literal(name)}]` : /^[A-Za-z_$][\w$]*$/.test(name) ? name : literal(name));

/** A TypeScript expression for an example value. */
function render(value: unknown): string {
  if (value === BLOB) return 'new Blob(["…"])';
  if (Array.isArray(value)) return `[${value.map(render).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([k, v]) => `${key(k)}: ${render(v)}`).join(", ")} }`;
  }
  return typeof value === "string" ? literal(value) : String(value);
}

const isScalar = (v: unknown): boolean => v === null || ["string", "number", "boolean"].includes(typeof v);

/** An example value for `schema`: its scalar example, default, const or first enum value, else one of its type. */
function example(schema: Schema | undefined, model: GatewayModel, depth = 0): unknown {
  if (schema === undefined || depth > 3) return {};
  const ref = schema["$ref"];
  if (typeof ref === "string") {
    let name: string;
    try {
      name = decodeURIComponent(ref.replace(/^#\/components\/schemas\//, "")).replace(/~1/g, "/").replace(/~0/g, "~");
    } catch {
      return {};
    }
    return example(model.schemas.find((s) => s.name === name)?.schema, model, depth + 1);
  }
  for (const key of ["example", "default", "const"]) if (isScalar(schema[key]) && schema[key] !== null) return schema[key];
  const values = schema["enum"];
  if (Array.isArray(values) && values.length > 0 && isScalar(values[0])) return values[0];
  const all = schema["allOf"] ?? schema["oneOf"] ?? schema["anyOf"];
  if (Array.isArray(all) && all.length > 0) return example(all[0] as Schema, model, depth + 1);
  const types = Array.isArray(schema["type"]) ? (schema["type"] as unknown[]) : [schema["type"]];
  const type = types.find((t) => t !== "null") ?? (schema["properties"] ? "object" : undefined);
  if (type === "string") return schema["format"] === "binary" ? BLOB : schema["format"] === "date-time" ? "2025-01-01T00:00:00Z" : "string";
  if (type === "integer" || type === "number") return 1;
  if (type === "boolean") return true;
  if (type === "array") return [];
  const props = schema["properties"];
  const required = Array.isArray(schema["required"]) ? (schema["required"] as unknown[]) : [];
  const out: Record<string, unknown> = {};
  if (props !== null && typeof props === "object") {
    for (const [name, prop] of Object.entries(props as Record<string, Schema>).sort(byKey)) if (required.includes(name)) out[name] = example(prop, model, depth + 1);
  }
  return out;
}

/** The parameters argument of a call of `op` with its required parameters (and its body, for a write). */
function exampleParams(sdkOp: SdkOperation, model: GatewayModel): string {
  const { op } = sdkOp;
  const groups: Record<string, Record<string, unknown>> = {};
  for (const p of op.parameters) if (p.required) (groups[p.in] ??= {})[p.name] = example(p.schema, model);
  const params: Record<string, unknown> = { ...groups };
  const body = sentBody(op);
  if (body) params["body"] = example(body.media.schema, model);
  return Object.keys(params).length === 0 ? "" : render(params);
}

/** The operations the README calls: a read (a GET, preferably with a path parameter) and a write, when there are. */
function examplesOf(operations: readonly SdkOperation[]): SdkOperation[] {
  const usable = operations.filter((o) => !o.op.deprecated);
  const read = usable.find((o) => o.op.method === "GET" && o.op.parameters.some((p) => p.in === "path")) ?? usable.find((o) => o.op.method === "GET");
  const write = usable.find((o) => ["POST", "PUT", "PATCH"].includes(o.op.method) && o.op.requestBody);
  const picked = [read, write].filter((o): o is SdkOperation => o !== undefined);
  return picked.length > 0 ? picked : operations.slice(0, 1);
}

function credential(spec: SchemeSpec): { sample: string; what: string } {
  switch (spec.kind) {
    case "apiKey":
      return { sample: '"<api key>"', what: `API key, sent in the ${code(spec.name)} ${spec.in === "query" ? "query parameter" : spec.in}` };
    case "bearer":
      return { sample: 'async () => "<token>"', what: "token (or a function that returns one), sent as `Authorization: Bearer …`" };
    case "basic":
      return { sample: '{ username: "<user>", password: "<password>" }', what: "`{ username, password }`, sent as `Authorization: Basic …`" };
    case "sigv4":
      return {
        sample: `${SIGV4_SIGNER}({ region: "us-east-1", credentials: { accessKeyId: "<key id>", secretAccessKey: "<secret>" } })`,
        what: `\`${SIGV4_SIGNER}({ region, credentials })\` (see IAM below), or any function that signs a request with AWS Signature Version 4`,
      };
    case "http":
      return { sample: '"<credential>"', what: `credential sent after ${code(spec.scheme)} in \`Authorization\`` };
  }
}

/** The README of the SDK. */
export function readme(model: GatewayModel, operations: readonly SdkOperation[], pkg: PackageNames, schemes: ReadonlyMap<string, SchemeSpec>, baseUrl: string): string {
  const examples = examplesOf(operations);
  const paged = operations.filter((o) => o.paging !== undefined && o.names.pages !== undefined);
  const firstPaged = paged.find((o) => !o.op.deprecated) ?? paged[0];
  const first = examples[0];
  const call = (o: SdkOperation, target: string) => `${target}${o.names.fn}(${exampleParams(o, model)})`;
  // The credentials the first example needs: its first alternative that asks for something, else the first scheme.
  const needed = first?.op.security.map((r) => r.schemes.map((s) => s.name).filter((n) => schemes.has(n))).find((names) => names.length > 0);
  const auth = needed ?? [...schemes.keys()].slice(0, 1);
  const options = [
    ...(baseUrl === "" ? ['baseUrl: "https://api.example.com"'] : []),
    ...(auth.length > 0 ? [`auth: { ${auth.map((name) => `${key(name)}: ${credential(schemes.get(name) as SchemeSpec).sample}`).join(", ")} }`] : []),
  ];
  const signed = auth.some((name) => schemes.get(name)?.kind === "sigv4");
  return template()({
    header: GENERATED_HEADER,
    signerImport: signed ? `import { ${SIGV4_SIGNER} } from "${literal(packageName(model)).slice(1, -1)}/sigv4";` : false,
    signer: needsSigner(schemes) ? { fn: SIGV4_SIGNER, library: SIGNER_PACKAGE.name } : false,
    packageName: packageName(model),
    title: oneLine(model.info.title) || "the API",
    apiVersion: oneLine(model.info.version),
    client: pkg.client,
    configure: pkg.configure,
    credentials: pkg.credentials,
    clientOptions: options.join(", "),
    baseUrl: baseUrl === "" ? "none: give `baseUrl`" : code(baseUrl),
    examples: examples.map((o, i) => `const ${i === 0 ? "{ status, body }" : `${o.names.fn}Result`} = await ${call(o, "api.")};`),
    firstCall: first ? call(first, "api.") : "…",
    firstFunction: first?.names.fn ?? pkg.configure,
    functionExample: first ? `const { status, body } = await ${call(first, "")};` : "",
    firstResult: first?.names.result ?? "…Result",
    firstError: first?.names.error ?? "…Error",
    settleCall: first ? call(first, "api.") : "…",
    schemes: [...schemes].map(([name, spec]) => ({ name: oneLine(name), what: credential(spec).what })),
    pages: paged.length > 0 && firstPaged ? { count: paged.length, call: `${firstPaged.names.pages}(${exampleParams(firstPaged, model)})` } : false,
    operations: operations.map(({ op, names }) => ({
      fn: names.fn,
      route: `${code(`${op.method} ${op.path}`)}${op.summary ? `: ${oneLine(op.summary)}` : ""}`,
      deprecated: op.deprecated,
      pages: names.pages ?? false,
    })),
  });
}

let compiled: Handlebars.TemplateDelegate | undefined;

/** The compiled template, loaded on first use (`noEscape`: Markdown, made safe above; `strict`: a missing field is a bug). */
function template(): Handlebars.TemplateDelegate {
  compiled ??= Handlebars.compile(fs.readFileSync(new URL("../../../templates/sdk/README.md.hbs", import.meta.url), "utf8"), { noEscape: true, strict: true });
  return compiled;
}

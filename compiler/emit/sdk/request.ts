/**
 * What a call of an operation sends: the type of its parameters (grouped by location, plus the body) and the
 * description the runtime serialises them by (non-default `style`/`explode`, the body's encoder and media type).
 *
 * - Parameters (OpenAPI 3.x §4.8.12): `path` members are required; a `{name}` of the path template that no
 *   parameter declares (a slip `check` reports) still gets a required `string | number` member, so the call can
 *   be made. A group is optional when none of its members is required.
 * - Styles (§4.8.12.4): path and header default to `simple`, query and cookie to `form`; `explode` defaults to
 *   true for `form` only. Only what differs from the default is written.
 * - Body (§4.8.13): one media type is sent: JSON (any `…json` type) first, then form-urlencoded, then multipart,
 *   then the first other one, which is sent as given (binary and text). GET and HEAD send none (`fetch` refuses a
 *   body there; Stripe's spec declares empty form bodies on its GETs).
 */
import { ts } from "ts-morph";
import type { MediaType, Operation, Parameter } from "../../model/types.js";
import { templateVariables } from "../../validate/paths.js";
import type { OperationTypes } from "./types/index.js";
import { withDoc, type Doc } from "./types/jsdoc.js";
import { propertyName } from "./types/names.js";
import { constLiteral, stringLiteral, typeOf, typeText } from "./ts.js";

const f = ts.factory;

type Location = Parameter["in"];

const LOCATIONS: readonly Location[] = ["path", "query", "header", "cookie"];
const DEFAULT_STYLE: Readonly<Record<Location, string>> = { path: "simple", query: "form", header: "simple", cookie: "form" };

/** The runtime's encoder for each kind of body (exported by templates/sdk/runtime.ts). */
type EncoderName = "json" | "formBody" | "multipartBody" | "raw";

/** The media type an operation sends, and how. */
export interface ChosenBody {
  readonly media: MediaType;
  readonly encoder: EncoderName;
}

const isJson = (type: string): boolean => /json/i.test(type);
const isForm = (type: string): boolean => /^application\/x-www-form-urlencoded\b/i.test(type);
const isMultipart = (type: string): boolean => /^multipart\//i.test(type);

/** The media type of `content` the SDK sends (see the module comment); undefined without content. */
export function chooseBody(content: readonly MediaType[]): ChosenBody | undefined {
  const pick = (test: (type: string) => boolean, encoder: EncoderName) => {
    const media = content.find((c) => test(c.mediaType));
    return media ? { media, encoder } : undefined;
  };
  const first = content[0];
  return pick(isJson, "json") ?? pick(isForm, "formBody") ?? pick(isMultipart, "multipartBody") ?? (first ? { media: first, encoder: "raw" } : undefined);
}

/** The body `op` sends: none for GET and HEAD, else the media type {@link chooseBody} picks. */
export function sentBody(op: Operation): ChosenBody | undefined {
  return op.requestBody && op.method !== "GET" && op.method !== "HEAD" ? chooseBody(op.requestBody.content) : undefined;
}

/** The `[style, explode]` of `p` when it differs from its location's default. */
function nonDefaultStyle(p: Parameter): [string, boolean] | undefined {
  const style = p.style ?? DEFAULT_STYLE[p.in];
  const explode = p.explode ?? style === "form";
  return style === DEFAULT_STYLE[p.in] && explode === (style === "form") ? undefined : [style, explode];
}

function property(name: string, type: ts.TypeNode, optional: boolean, doc: Doc): ts.PropertySignature {
  const question = optional ? f.createToken(ts.SyntaxKind.QuestionToken) : undefined;
  return withDoc(f.createPropertySignature(undefined, propertyName(name), question, type), doc);
}

/** The request side of one operation. */
export interface RequestShape {
  /** The type of the parameters argument: an object type, or `Record<string, never>` when there is nothing to give. */
  readonly params: ts.TypeNode;
  /** Whether the parameters argument is required (some member is). */
  readonly required: boolean;
  /** Whether a body is sent. */
  readonly hasBody: boolean;
  /** Properties of the runtime's `Operation` besides `id`, `method`, `path` and `security`: `styles`, `body`, `type`, `encoding`. */
  readonly descriptor: ts.ObjectLiteralElementLike[];
  /** Declarations of `types.ts` the parameters and body use. */
  readonly declared: ReadonlySet<string>;
}

/** The request shape of `op`; `runtime` is the module-local name of the runtime namespace. */
export function requestShape(op: Operation, types: OperationTypes, runtime: string): RequestShape {
  const groups = new Map<Location, ts.PropertySignature[]>(LOCATIONS.map((l) => [l, []]));
  const requiredGroups = new Set<Location>();
  const styles: Partial<Record<Location, Record<string, [string, boolean]>>> = {};
  const declaredTypes = new Set<string>();
  op.parameters.forEach((p, i) => {
    const ref = types.parameters[i];
    if (ref?.type.kind === "declared") declaredTypes.add(ref.type.name);
    const type = ref ? typeOf(ref.type) : typeText("unknown");
    const doc: Doc = { ...(p.description !== undefined && p.description.trim() !== "" ? { description: p.description } : {}), ...(p.deprecated ? { deprecated: true } : {}) };
    groups.get(p.in)?.push(property(p.name, type, !p.required, doc));
    if (p.required) requiredGroups.add(p.in);
    const style = nonDefaultStyle(p);
    if (style) (styles[p.in] ??= {})[p.name] = style;
  });
  const declared = new Set(op.parameters.filter((p) => p.in === "path").map((p) => p.name));
  for (const name of new Set(templateVariables(op.path))) {
    if (declared.has(name)) continue;
    groups.get("path")?.push(property(name, typeText("string | number"), false, { description: "Not declared by the operation; named by its path." }));
    requiredGroups.add("path");
  }
  const members: ts.TypeElement[] = [];
  for (const [location, props] of groups) {
    if (props.length > 0) members.push(property(location, f.createTypeLiteralNode(props), !requiredGroups.has(location), {}));
  }
  const descriptor: ts.ObjectLiteralElementLike[] = [];
  if (Object.keys(styles).length > 0) descriptor.push(f.createPropertyAssignment("styles", constLiteral(styles)));
  const body = sentBody(op);
  let required = requiredGroups.size > 0;
  if (body && op.requestBody) {
    const ref = types.requestBody.find((b) => b.mediaType === body.media.mediaType);
    if (ref?.type.kind === "declared") declaredTypes.add(ref.type.name);
    const description = op.requestBody.description;
    members.push(property("body", ref ? typeOf(ref.type) : typeText("unknown"), !op.requestBody.required, description?.trim() ? { description } : {}));
    required ||= op.requestBody.required;
    descriptor.push(f.createPropertyAssignment("body", f.createPropertyAccessExpression(f.createIdentifier(runtime), body.encoder)));
    const type = body.media.mediaType;
    if (body.encoder === "json" || (body.encoder === "raw" && !type.includes("*"))) {
      descriptor.push(f.createPropertyAssignment("type", stringLiteral(body.encoder === "json" && type.includes("*") ? "application/json" : type)));
    }
    const encoding = body.encoder === "formBody" ? formStyles(body.media) : undefined;
    if (encoding) descriptor.push(f.createPropertyAssignment("encoding", constLiteral(encoding)));
  }
  const params = members.length > 0 ? f.createTypeLiteralNode(members) : typeText("Record<string, never>");
  return { params, required, hasBody: body !== undefined, descriptor, declared: declaredTypes };
}

/** The `[style, explode]` of each property of a form body that its Encoding Object sets (§4.8.15). */
function formStyles(media: MediaType): Record<string, [string, boolean]> | undefined {
  const out: Record<string, [string, boolean]> = {};
  for (const [name, e] of Object.entries(media.encoding ?? {})) {
    if (e.style === undefined && e.explode === undefined) continue;
    const style = e.style ?? "form";
    out[name] = [style, e.explode ?? style === "form"];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

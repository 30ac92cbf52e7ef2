/**
 * Security schemes (OpenAPI 3.x §4.8.27) as the SDK sends them, and the `Credentials` a caller gives for them:
 * - `apiKey` in a header, query parameter or cookie: a string (or a function that returns one);
 * - `http` `bearer`, `oauth2` and `openIdConnect`: a token, sent as `Authorization: Bearer …` (or a provider);
 * - `http` `basic`: a user name and password; another `http` scheme: what follows its name in `Authorization`;
 * - a scheme that API Gateway implements with IAM (`x-gateway: { iam: true }`): a {@link RequestSigner} that
 *   signs each request with AWS Signature Version 4: the package's opt-in `./sigv4` entry makes one
 *   (`sigv4Signer`, ./sigv4-source.ts), and the runtime itself carries no AWS code;
 * - `mutualTLS` is the transport's business (a `fetch` with a client certificate): nothing to send.
 */
import { ts } from "ts-morph";
import type { GatewayModel, Operation, SecurityScheme } from "../../model/types.js";
import { withDoc } from "./types/jsdoc.js";
import { propertyName } from "./types/names.js";
import { EXPORT, typeText } from "./ts.js";

const f = ts.factory;

/** How one scheme travels: the runtime's `Scheme` (templates/sdk/runtime.ts), as plain data. */
export type SchemeSpec =
  | { readonly kind: "apiKey"; readonly in: "header" | "query" | "cookie"; readonly name: string }
  | { readonly kind: "bearer" | "basic" | "sigv4" }
  | { readonly kind: "http"; readonly scheme: string };

/** What the SDK sends for `scheme`; undefined when it sends nothing (mutual TLS, or a scheme it cannot read). */
export function schemeSpec(scheme: SecurityScheme): SchemeSpec | undefined {
  if (scheme.authorizer?.kind === "iam") return { kind: "sigv4" };
  if (scheme.type === "apiKey") return scheme.in && scheme.paramName ? { kind: "apiKey", in: scheme.in, name: scheme.paramName } : undefined;
  if (scheme.type === "oauth2" || scheme.type === "openIdConnect") return { kind: "bearer" };
  if (scheme.type !== "http" || scheme.scheme === undefined) return undefined;
  if (scheme.scheme === "bearer" || scheme.scheme === "basic") return { kind: scheme.scheme };
  return { kind: "http", scheme: scheme.scheme };
}

/** The schemes the SDK sends, by name, in model order (sorted by name). */
export function schemeSpecs(model: GatewayModel): Map<string, SchemeSpec> {
  const out = new Map<string, SchemeSpec>();
  for (const scheme of model.securitySchemes) {
    const spec = schemeSpec(scheme);
    if (spec) out.set(scheme.name, spec);
  }
  return out;
}

/**
 * The alternatives of an operation's effective security, each the names of the schemes the SDK sends (mutual
 * TLS and unknown schemes left out); undefined when no alternative asks for anything.
 */
export function operationSecurity(op: Operation, specs: ReadonlyMap<string, SchemeSpec>): string[][] | undefined {
  const alternatives = op.security.map((requirement) => requirement.schemes.map((s) => s.name).filter((name) => specs.has(name)));
  return alternatives.some((a) => a.length > 0) ? alternatives : undefined;
}

/** The type a caller gives for a scheme (runtime types, imported by name into `operations.ts`). */
export function credentialType(spec: SchemeSpec): string {
  if (spec.kind === "basic") return "Credential<BasicCredentials>";
  return spec.kind === "sigv4" ? "RequestSigner" : "Credential";
}

function credentialDoc(spec: SchemeSpec): string {
  switch (spec.kind) {
    case "apiKey":
      return `API key, sent in the ${JSON.stringify(spec.name)} ${spec.in === "query" ? "query parameter" : spec.in}; or a function that returns it.`;
    case "bearer":
      return "Token, sent as `Authorization: Bearer <token>`; or a function that returns it (called for each request).";
    case "basic":
      return "User name and password, sent as `Authorization: Basic …`; or a function that returns them.";
    case "sigv4":
      return "Signs each request for API Gateway's IAM authorization (AWS Signature Version 4, service `execute-api`): `sigv4Signer({ region, credentials })` of the package's `./sigv4` entry, or any signer.";
    case "http":
      return `Credential sent as \`Authorization: ${spec.scheme.replace(/[^\x21-\x7e]/g, "")} <credential>\`; or a function that returns it.`;
  }
}

/** `export interface Credentials { … }`: one optional member per scheme the SDK sends. */
export function credentialsDeclaration(name: string, specs: ReadonlyMap<string, SchemeSpec>): ts.Statement {
  const members = [...specs].map(([scheme, spec]) =>
    withDoc(f.createPropertySignature(undefined, propertyName(scheme), f.createToken(ts.SyntaxKind.QuestionToken), typeText(credentialType(spec))), {
      description: credentialDoc(spec),
    }),
  );
  const statement = f.createInterfaceDeclaration(EXPORT, name, undefined, undefined, members);
  return withDoc(statement, { description: "Credentials of the API's security schemes, by scheme name (`auth` in the options)." });
}

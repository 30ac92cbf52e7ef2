/**
 * The first structural question: is this an OpenAPI 3.0 or 3.1 document at all? Answers it before anything is
 * validated, so a Swagger 2.0 file or a YAML list gets one clear diagnostic instead of a page of schema errors.
 */
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { showValue } from "./ajv-errors.js";
import type { OpenApiLine } from "./openapi-validators.js";

/** `3.0.x` or `3.1.x`, with an optional pre-release suffix (`3.1.0-rc0`). */
const SUPPORTED = /^3\.([01])\.\d+(-.+)?$/;

/** The result of the version gate: the line to validate against, or the diagnostics that stop the check. */
export type VersionGate = { readonly line: OpenApiLine } | { readonly diagnostics: readonly Diagnostic[] };

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * Checks the document root and its `openapi` field.
 * Diagnostics: `not-openapi` (root not an object; no `openapi` field, e.g. `swagger: "2.0"`),
 * `unsupported-openapi-version` at `/openapi` (e.g. 4.0.0, 2.0), `invalid-type` at `/openapi` (not a string,
 * e.g. YAML's unquoted `3.0`, which is a number).
 */
export function checkOpenApiVersion(document: unknown, file: string): VersionGate {
  const fail = (d: Diagnostic): VersionGate => ({ diagnostics: [d] });
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    const what = document === null ? "empty (null)" : Array.isArray(document) ? "a list" : `${kindOf(document)} (${showValue(document)})`;
    const reason = `the document is ${what}; expected an object with openapi, info and paths`;
    return fail(createDiagnostic({ code: "not-openapi", args: { reason }, origin: { file, pointer: "" } }));
  }
  const root = document as Readonly<Record<string, unknown>>;
  if (!Object.hasOwn(root, "openapi")) {
    if (Object.hasOwn(root, "swagger")) {
      const reason = `it is a Swagger (OpenAPI 2.0) document (swagger: ${showValue(root["swagger"])}); convert it to OpenAPI 3.x first`;
      return fail(createDiagnostic({ code: "not-openapi", args: { reason }, origin: { file, pointer: "/swagger" } }));
    }
    const reason = "it has no openapi field (such as openapi: 3.0.3)";
    return fail(createDiagnostic({ code: "not-openapi", args: { reason }, origin: { file, pointer: "" } }));
  }
  const version = root["openapi"];
  const origin = { file, pointer: "/openapi" };
  if (typeof version === "string") {
    const match = SUPPORTED.exec(version);
    if (match) return { line: match[1] === "0" ? "3.0" : "3.1" };
    const shown = /^[\w.+-]{1,32}$/.test(version) ? version : showValue(version);
    return fail(createDiagnostic({ code: "unsupported-openapi-version", args: { version: shown }, origin }));
  }
  // YAML reads an unquoted 2.0 as the number 2: show it the way it was most likely written.
  const written = typeof version === "number" && Number.isInteger(version) ? version.toFixed(1) : String(version);
  if (typeof version === "number" && Math.trunc(version) !== 3) {
    return fail(createDiagnostic({ code: "unsupported-openapi-version", args: { version: written }, origin }));
  }
  const expected =
    typeof version === "number"
      ? `a string such as "3.0.3", not a number (YAML reads an unquoted ${written} as a number; quote it)`
      : `a string such as "3.0.3", not ${kindOf(version)}`;
  return fail(createDiagnostic({ code: "invalid-type", args: { where: "openapi", expected }, origin }));
}

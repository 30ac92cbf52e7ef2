/**
 * The `request` mapping of a non-proxy REST integration (docs/x-gateway.md "Mappings") as request templates, and
 * what the mapping emitters share: raw VTL text and the report of what cannot be compiled.
 *
 * A declarative shape gets one template per media type the operation's request body declares (those that are not
 * binary; `application/json`, API Gateway's choice for a request without `Content-Type`, when it declares none):
 * JSON media types read body sources as JSON, others read `$request.body` as text (./mapping-shape.ts). API Gateway
 * picks the template by the request's `Content-Type` (developer guide, "Mapping template selection"); the
 * integration then sets `passthroughBehavior: never`, so a request of another type is refused with 415 instead of
 * reaching the backend unmapped.
 */
import type { DiagnosticCollector } from "../../diagnostics/diagnostic.js";
import { child } from "../../model/lower/read.js";
import type { Mapping, Operation, Origin } from "../../model/types.js";
import { table } from "../json.js";
import { isJsonMediaType } from "./media-types.js";
import { compileShape, type ShapeEncoding } from "./mapping-shape.js";
import { requestMediaTypes } from "./services/plan.js";
import { vtl, type Vtl } from "./vtl.js";

/** Where the mapping emitters report a part of a mapping they cannot compile (`mapping-invalid`). */
export interface MappingProblems {
  /** `path` leads from `origin` to the part (object keys and array indexes). */
  report(origin: Origin, path: readonly (string | number)[], reason: string): void;
}

/** Problems reported to `report` as `mapping-invalid` errors; dropped without one. */
export function mappingProblems(report: DiagnosticCollector | undefined): MappingProblems {
  return {
    report(origin, path, reason) {
      const at = child(origin, ...path);
      report?.report({ code: "mapping-invalid", args: { reason }, origin: at });
    },
  };
}

/**
 * The text of raw VTL: an inline `template`, or a `templateFile`'s content (read and linted by
 * ../../model/lower/template-files.ts). The author's VTL is used as written.
 * @throws Error (a compiler bug) for a template file that was not read.
 */
export function mappingText(mapping: Exclude<Mapping, { kind: "shape" }>): Vtl {
  if (mapping.kind === "template") return vtl(mapping.template);
  if (mapping.text === undefined) throw new Error(`Template file ${mapping.file} was not read before emitting.`);
  return vtl(mapping.text);
}

/** How a request shape is placed into the integration's request (see ./mapping-shape.ts). */
export interface ShapePlacement {
  readonly encoding: ShapeEncoding;
  /** Fixed text around the shape's JSON: the service request it is the payload of. */
  readonly frame?: (json: Vtl) => Vtl;
  readonly leadingMembers?: Vtl;
}

/**
 * The request templates of a request shape by media type: compiled for each media type the operation accepts,
 * placed by `placement` (plain JSON by default).
 */
export function shapeTemplates(
  op: Operation,
  mapping: Extract<Mapping, { kind: "shape" }>,
  problems: MappingProblems,
  placement: ShapePlacement = { encoding: "json" },
): Record<string, Vtl> {
  const templates = table<Vtl>();
  let reported = false;
  for (const mediaType of requestMediaTypes(op)) {
    const options = {
      side: "request" as const,
      op,
      jsonBody: isJsonMediaType(mediaType),
      encoding: placement.encoding,
      ...(placement.leadingMembers === undefined ? {} : { leadingMembers: placement.leadingMembers }),
    };
    const compiled = compileShape(mapping.shape, options, placement.frame);
    // The problems are the same for every media type.
    if (!reported) for (const problem of compiled.problems) problems.report(mapping.origin, problem.path, problem.reason);
    reported = true;
    templates[mediaType] = compiled.template;
  }
  return templates;
}

/** The request templates of `mapping` by media type: raw VTL for `application/json`, a shape by {@link shapeTemplates}. */
export function requestTemplates(op: Operation, mapping: Mapping, problems: MappingProblems, placement?: ShapePlacement): Record<string, Vtl> {
  if (mapping.kind === "shape") return shapeTemplates(op, mapping, problems, placement);
  const templates = table<Vtl>();
  templates["application/json"] = mappingText(mapping);
  return templates;
}

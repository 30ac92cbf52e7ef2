/**
 * The shape of a semantic rule: a named check over the IR that reports diagnostics through the origins its nodes
 * carry. Rules only read the model; odd input is a diagnostic, never an exception.
 */
import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { DiagnosticInit } from "../diagnostics/diagnostic.js";
import type { GatewayModel } from "../model/types.js";

/** Hands one diagnostic to the run; the arguments are type-checked against the code table. */
export type Report = <C extends DiagnosticCode>(init: DiagnosticInit<C>) => void;

/** One semantic rule (one file under `rules/`). */
export interface Rule {
  /** Kebab-case name, the file name without `.ts`. */
  readonly name: string;
  /** Every code the rule may report; reporting another one is a compiler bug. */
  readonly codes: readonly DiagnosticCode[];
  /** Reads `model` and reports what is wrong with it. Never throws on a well-typed model. */
  check(model: GatewayModel, report: Report): void;
}

/**
 * Wraps `report` so that a second diagnostic with the same code at the same place is dropped. Rules use it where
 * one node is reached from many operations (a path-item parameter, a document-level security requirement, an
 * integration from `x-gateway.defaults`).
 */
export function reportOnce(report: Report): Report {
  const seen = new Set<string>();
  return (init) => {
    const key = `${init.code}\u0000${init.origin.file}\u0000${init.origin.pointer}\u0000${init.part ?? "value"}`;
    if (seen.has(key)) return;
    seen.add(key);
    report(init);
  };
}

/**
 * What parsing one file's text produces, whatever its language.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { NodeRange } from "./types.js";

/** A parsed YAML or JSON text. */
export interface ParsedText {
  readonly language: "yaml" | "json";
  /** The value as plain data (no shared nodes); undefined when the text could not be turned into a usable value. */
  readonly value: unknown;
  /** Syntax and limit diagnostics, pointing into this file. */
  readonly diagnostics: readonly Diagnostic[];
  /** Key and value range of the node at `pointer`, computed on first use; undefined when there is no such node. */
  rangeOf(pointer: string): NodeRange | undefined;
}

/** Thrown from a parser callback to stop a scan early; never escapes the module that throws it. */
export class StopScan extends Error {}

/**
 * Reads an OpenAPI Overlay 1.0 document (https://spec.openapis.org/overlay/v1.0.0.html) into a list of actions,
 * reporting every malformed part at its own node.
 */
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { parseQuery, type Query } from "./jsonpath.js";
import { childPointer } from "./pointer.js";
import { isPlainObject, type PlainObject } from "./values.js";

/** One well-formed action. */
export interface OverlayAction {
  /** Pointer of the action in the overlay file (`/actions/3`). */
  readonly pointer: string;
  readonly target: string;
  /** The target, checked and ready for `selectNodes`. */
  readonly query: Query;
  /** Whether the action has an `update` field (whose value may be null). */
  readonly hasUpdate: boolean;
  readonly update: unknown;
  readonly remove: boolean;
}

const ROOT_FIELDS = new Set(["overlay", "info", "extends", "actions"]);
const INFO_FIELDS = new Set(["title", "version"]);
const ACTION_FIELDS = new Set(["target", "description", "update", "remove"]);

/**
 * The actions of the overlay held in `value` (the parsed file `file`). Diagnostics: `overlay-invalid` (root not an
 * object, `overlay` not `1.0.x`, missing or mistyped `info`, `actions`, fields; unknown fields other than `x-…`),
 * `overlay-target-invalid` (a target that is not a valid JSONPath query). When the root is unusable no action is
 * returned; a malformed action is left out and the others are kept.
 */
export function readOverlay(file: string, value: unknown): { actions: OverlayAction[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const invalid = (pointer: string, reason: string, part: "key" | "value" = "value") =>
    diagnostics.push(createDiagnostic({ code: "overlay-invalid", args: { reason }, origin: { file, pointer }, part }));
  if (!isPlainObject(value)) {
    invalid("", "an overlay is an object with the fields overlay, info and actions");
    return { actions: [], diagnostics };
  }
  unknownFields(value, "", ROOT_FIELDS, "the overlay", invalid);
  let usable = true;
  const version = value["overlay"];
  if (!Object.hasOwn(value, "overlay")) {
    invalid("", "the field overlay (the Overlay Specification version, such as 1.0.0) is missing");
    usable = false;
  } else if (typeof version !== "string" || !/^1\.0\.\d+$/.test(version)) {
    invalid("/overlay", `version ${JSON.stringify(version)} is not supported; Portico applies Overlay 1.0.x`);
    usable = false;
  }
  checkInfo(value, invalid);
  if (Object.hasOwn(value, "extends") && typeof value["extends"] !== "string") invalid("/extends", "extends must be a string (a URI reference)");
  const list = value["actions"];
  if (!Object.hasOwn(value, "actions")) {
    invalid("", "the field actions is missing");
    return { actions: [], diagnostics };
  }
  if (!Array.isArray(list) || list.length === 0) {
    invalid("/actions", "actions must be a list of at least one action");
    return { actions: [], diagnostics };
  }
  const actions: OverlayAction[] = [];
  list.forEach((raw, i) => {
    const action = readAction(file, childPointer("/actions", i), raw, invalid, diagnostics);
    if (action) actions.push(action);
  });
  return { actions: usable ? actions : [], diagnostics };
}

type Report = (pointer: string, reason: string, part?: "key" | "value") => void;

function checkInfo(root: PlainObject, invalid: Report): void {
  const info = root["info"];
  if (!Object.hasOwn(root, "info")) return invalid("", "the field info (with title and version) is missing");
  if (!isPlainObject(info)) return invalid("/info", "info must be an object with title and version");
  unknownFields(info, "/info", INFO_FIELDS, "info", invalid);
  for (const field of ["title", "version"]) {
    if (!Object.hasOwn(info, field)) invalid("/info", `info.${field} is missing`);
    else if (typeof info[field] !== "string") invalid(`/info/${field}`, `info.${field} must be a string`);
  }
}

function readAction(file: string, pointer: string, raw: unknown, invalid: Report, diagnostics: Diagnostic[]): OverlayAction | undefined {
  if (!isPlainObject(raw)) {
    invalid(pointer, "an action is an object with a target and an update or remove");
    return undefined;
  }
  const before = diagnostics.length;
  unknownFields(raw, pointer, ACTION_FIELDS, "an action", invalid);
  if (Object.hasOwn(raw, "description") && typeof raw["description"] !== "string") invalid(`${pointer}/description`, "description must be a string");
  if (Object.hasOwn(raw, "remove") && typeof raw["remove"] !== "boolean") invalid(`${pointer}/remove`, "remove must be true or false");
  const target = raw["target"];
  if (!Object.hasOwn(raw, "target")) invalid(pointer, "the action has no target (a JSONPath query such as $.paths)");
  else if (typeof target !== "string") invalid(`${pointer}/target`, "target must be a string (a JSONPath query)");
  if (diagnostics.length > before || typeof target !== "string") return undefined;
  const parsed = parseQuery(target);
  if (!parsed.ok) {
    diagnostics.push(
      createDiagnostic({
        code: "overlay-target-invalid",
        args: { target: JSON.stringify(target), reason: parsed.reason },
        origin: { file, pointer: `${pointer}/target` },
      }),
    );
    return undefined;
  }
  return {
    pointer,
    target,
    query: parsed.value,
    hasUpdate: Object.hasOwn(raw, "update"),
    update: raw["update"],
    remove: raw["remove"] === true,
  };
}

function unknownFields(object: PlainObject, pointer: string, known: ReadonlySet<string>, where: string, invalid: Report): void {
  for (const key of Object.keys(object)) {
    if (!known.has(key) && !key.startsWith("x-")) invalid(childPointer(pointer, key), `unknown field ${JSON.stringify(key)} in ${where}`, "key");
  }
}

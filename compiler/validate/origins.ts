/**
 * Origins of the parts of a node that the IR does not keep separately: a parameter's `name`, a requirement's
 * scheme key, the `/paths/<path>` key of a path item. A pointer that goes deeper than the text (a short form such
 * as `lambda: pets` has no `function` key) is still safe: locating falls back to the longest existing prefix.
 */
import { escapeToken } from "../parse/pointer.js";
import type { GatewayModel, Origin } from "../model/types.js";

export { child } from "../model/lower/read.js";

/** The origin of the node that holds `origin` (`/x-gateway/usagePlans/free` → `/x-gateway/usagePlans`). */
export function parent(origin: Origin): Origin {
  const cut = origin.pointer.lastIndexOf("/");
  return { file: origin.file, pointer: cut <= 0 ? "" : origin.pointer.slice(0, cut) };
}

/** Where the path item `path` is written: its `/paths/<escaped path>` key in the entry document. */
export function pathItemOrigin(model: GatewayModel, path: string): Origin {
  return { file: model.entry, pointer: `/paths/${escapeToken(path)}` };
}

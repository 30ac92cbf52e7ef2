// The benchmark's inputs: every OpenAPI file in ../shared/specs/ (a sibling of the repository), each with the
// overlay from samples/overlays/ that puts it on API Gateway, where one exists.
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Overlay file (in samples/overlays/) for each spec file name that has one. Specs without an entry have no
 * `x-gateway` integrations yet, so they can be checked but not built.
 */
const overlays = new Map([
  ["petstore.yaml", "petstore.overlay.yaml"],
  ["github-api.3.0.json", "github.overlay.yaml"],
]);

/**
 * @typedef {object} BenchSpec
 * @property {string} name file name, e.g. `github-api.3.0.json`
 * @property {string} file path relative to the repository root, as passed to the tools (`../shared/specs/…`)
 * @property {number} bytes file size in bytes
 * @property {string | null} overlay overlay path relative to the repository root, or null when the spec has none
 */

/**
 * Lists the specs to measure, sorted by name.
 * @param {string} root absolute path of the repository root
 * @param {string | undefined} only keep only specs whose file name contains this substring
 * @returns {BenchSpec[]}
 * @throws {Error} when `../shared/specs/` is missing, or an overlay named above is not on disk
 */
export function findSpecs(root, only) {
  const dir = path.resolve(root, "..", "shared", "specs");
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new Error(`no specs folder at ${dir} (expected ../shared/specs/ next to the repository)`);
  }
  return fs
    .readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/i.test(name))
    .filter((name) => only === undefined || name.includes(only))
    .sort()
    .map((name) => {
      const absolute = path.join(dir, name);
      const overlayName = overlays.get(name);
      const overlay = overlayName === undefined ? null : path.join("samples", "overlays", overlayName);
      if (overlay !== null && !fs.existsSync(path.join(root, overlay))) {
        throw new Error(`overlay ${overlay} for ${name} is missing`);
      }
      return { name, file: path.relative(root, absolute), bytes: fs.statSync(absolute).size, overlay };
    });
}

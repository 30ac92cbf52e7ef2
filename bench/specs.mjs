// The benchmark's inputs: every OpenAPI file in ../shared/specs/ (a sibling of the repository), each with the
// overlay that puts it on API Gateway, and the pets sample (samples/pets/openapi.yaml, which carries its own
// x-gateway) for the cold-start row.
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Overlay file (in samples/overlays/) for each spec file name that has one. Specs without an entry get
 * {@link defaultOverlay}.
 */
const overlays = new Map([
  ["petstore.yaml", "petstore.overlay.yaml"],
  ["github-api.3.0.json", "github.overlay.yaml"],
]);

/** The overlay for specs without their own: one HTTP backend for every operation, every operation public. */
export const defaultOverlay = path.join("bench", "overlays", "default-integration.overlay.yaml");

/** The small sample measured for the cold-start row: it carries its x-gateway itself, so no overlay. */
export const coldStartSpec = path.join("samples", "pets", "openapi.yaml");

/**
 * @typedef {object} BenchSpec
 * @property {string} name file name, e.g. `github-api.3.0.json`; the repository-relative path for the pets sample
 * @property {string} file path relative to the repository root, as passed to the tools (`../shared/specs/…`)
 * @property {number} bytes file size in bytes
 * @property {string | null} overlay overlay path relative to the repository root, or null when the spec carries
 *   its own x-gateway
 */

/**
 * Lists the specs to measure: those of ../shared/specs/ sorted by name, then the pets sample.
 * @param {string} root absolute path of the repository root
 * @param {string | undefined} only keep only specs whose name contains this substring
 * @returns {BenchSpec[]}
 * @throws {Error} when `../shared/specs/` is missing, or an overlay named above is not on disk
 */
export function findSpecs(root, only) {
  const dir = path.resolve(root, "..", "shared", "specs");
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new Error(`no specs folder at ${dir} (expected ../shared/specs/ next to the repository)`);
  }
  const shared = fs
    .readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/i.test(name))
    .sort()
    .map((name) => {
      const overlayName = overlays.get(name);
      const overlay = overlayName === undefined ? defaultOverlay : path.join("samples", "overlays", overlayName);
      return describe(root, name, path.relative(root, path.join(dir, name)), overlay);
    });
  return [...shared, describe(root, coldStartSpec, coldStartSpec, null)].filter(
    (spec) => only === undefined || spec.name.includes(only),
  );
}

/**
 * @param {string} root
 * @param {string} name
 * @param {string} file relative to the root
 * @param {string | null} overlay relative to the root
 * @returns {BenchSpec}
 */
function describe(root, name, file, overlay) {
  if (overlay !== null && !fs.existsSync(path.join(root, overlay))) throw new Error(`overlay ${overlay} for ${name} is missing`);
  return { name, file, bytes: fs.statSync(path.join(root, file)).size, overlay };
}

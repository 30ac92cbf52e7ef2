/**
 * The SDK's opt-in signer for IAM-authorized operations (`src/sigv4.ts`, the package's `./sigv4` entry): the same
 * for every API, kept as a real TypeScript file in `templates/sdk/sigv4.ts` and copied as is. Written only when a
 * security scheme is implemented with IAM (./security.ts); its `aws4fetch` import is an optional peer dependency
 * of the package (./package-files.ts), so programs that do not import it need nothing besides `fetch`.
 */
import * as fs from "node:fs";
import type { SchemeSpec } from "./security.js";

/** The exported function of the module, named in the README. */
export const SIGV4_SIGNER = "sigv4Signer";

/** The npm package the signer is built on, and the versions the generated package accepts. */
export const SIGNER_PACKAGE = { name: "aws4fetch", version: "^1.0.20" } as const;

let loaded: string | undefined;

/** The module's text, read once. */
export function sigv4Source(): string {
  loaded ??= fs.readFileSync(new URL("../../../templates/sdk/sigv4.ts", import.meta.url), "utf8");
  return loaded;
}

/** Whether an SDK with these schemes gets the signer: some scheme is signed with SigV4. */
export function needsSigner(schemes: ReadonlyMap<string, SchemeSpec>): boolean {
  return [...schemes.values()].some((s) => s.kind === "sigv4");
}

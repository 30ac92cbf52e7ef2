/**
 * The emitters, in the order they run. `--emit` filters this list by name.
 */
import { awsOpenApiEmitter } from "./aws-openapi/index.js";
import type { Emitter } from "./emitter.js";

export type { EmitterName } from "./emitter.js";
import { pulumiEmitter } from "./pulumi/index.js";

/** Every emitter: the import document first, then the Pulumi program that deploys it. */
export const emitters: readonly Emitter[] = [awsOpenApiEmitter, pulumiEmitter];

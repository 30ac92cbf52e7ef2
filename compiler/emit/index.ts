/**
 * The emitters, in the order they run. `--emit` filters this list by name.
 */
import { awsOpenApiEmitter } from "./aws-openapi/index.js";
import type { Emitter } from "./emitter.js";

export type { EmitterName } from "./emitter.js";
import { pulumiEmitter } from "./pulumi/index.js";
import { sdkEmitter } from "./sdk/index.js";
import { templatesEmitter } from "./templates/index.js";

/**
 * Every emitter: the import document first, then the Pulumi program that deploys it, the mapping templates of the
 * document, one file each, and the client SDK.
 */
export const emitters: readonly Emitter[] = [awsOpenApiEmitter, pulumiEmitter, templatesEmitter, sdkEmitter];

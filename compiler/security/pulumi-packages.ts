/**
 * Finds the Pulumi packages a mock run needs. They are not dependencies of Portico (a build that does not run
 * `--strict` never loads them): they are optional peer dependencies, looked for first where the generated
 * project installs them (`<out>/pulumi`, after `npm install` there, and the folders above it), then next to
 * Portico itself. `@pulumi/pulumi` is the copy `@pulumi/aws` itself resolves, so the runner's mocks and the
 * program's resources meet in one runtime.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { PROJECT_VERSIONS } from "../emit/pulumi/project-files.js";

/** A resource registration as Pulumi's mocks receive it. */
export interface MockResourceArgs {
  readonly type: string;
  readonly name: string;
  readonly inputs: unknown;
}

/** A data source call as Pulumi's mocks receive it. */
export interface MockCallArgs {
  readonly token: string;
  readonly inputs: unknown;
}

/** The part of `@pulumi/pulumi` the runner uses (`pulumi.runtime`). */
export interface PulumiSdk {
  readonly runtime: {
    setMocks(
      mocks: {
        newResource(args: MockResourceArgs): { id: string | undefined; state: Record<string, unknown> };
        call(args: MockCallArgs): Record<string, unknown>;
      },
      project?: string,
      stack?: string,
      preview?: boolean,
    ): Promise<void>;
    setAllConfig(config: Record<string, string>, secretKeys?: string[]): void;
    disconnect(): Promise<void>;
  };
}

/** The loaded packages, by the module specifier a program imports them with. */
export interface PulumiPackages {
  readonly pulumi: PulumiSdk;
  readonly modules: ReadonlyMap<string, unknown>;
}

/** The `npm install` command that makes the packages available, for messages. */
export const INSTALL_COMMAND = `npm install --save-dev @pulumi/pulumi@${PROJECT_VERSIONS["@pulumi/pulumi"]} @pulumi/aws@${PROJECT_VERSIONS["@pulumi/aws"]}`;

function resolveFrom(base: string, specifier: string): string | undefined {
  try {
    return createRequire(base).resolve(specifier);
  } catch {
    return undefined;
  }
}

/**
 * Loads `@pulumi/aws` and the `@pulumi/pulumi` it uses, resolved from `programDir`, else from Portico's own
 * install. @returns undefined when neither place has both.
 */
export function loadPulumiPackages(programDir: string): PulumiPackages | undefined {
  const bases = [path.join(programDir, "index.js"), fileURLToPath(import.meta.url)];
  for (const base of bases) {
    const aws = resolveFrom(base, "@pulumi/aws");
    const pulumi = aws === undefined ? undefined : resolveFrom(aws, "@pulumi/pulumi");
    if (aws === undefined || pulumi === undefined) continue;
    const load = createRequire(aws);
    const sdk = load(pulumi) as PulumiSdk;
    const modules = new Map<string, unknown>([
      ["@pulumi/pulumi", sdk],
      ["@pulumi/aws", load(aws)],
    ]);
    return { pulumi: sdk, modules };
  }
  return undefined;
}

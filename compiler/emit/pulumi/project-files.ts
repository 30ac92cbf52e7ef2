/**
 * The files around the program: `Pulumi.yaml`, `package.json` and `tsconfig.json` (as Pulumi's TypeScript
 * template has them: strict, CommonJS, so the program can use `__dirname`; plus `skipLibCheck`, which halves the
 * time `pulumi up` spends type-checking `@pulumi/aws`).
 */
import { stringify } from "yaml";
import { GENERATED_HEADER } from "../emitter.js";
import { stableJson } from "../json.js";

/** Package versions the generated project installs: the ones Portico's own tests type-check and run it with. */
export const PROJECT_VERSIONS = {
  "@pulumi/aws": "7.48.0",
  "@pulumi/pulumi": "3.276.0",
  "@types/node": "20.19.43",
  typescript: "5.9.3",
} as const;

/** `Pulumi.yaml`: the project name, the Node.js runtime and the API's description. */
export function pulumiYaml(project: string, description: string): string {
  return `# ${GENERATED_HEADER}\n${stringify({ name: project, runtime: "nodejs", description }, { lineWidth: 0 })}`;
}

/** `package.json`, without `"type"` so the program runs as CommonJS. */
export function packageJson(project: string): string {
  const dependencies = {
    "@pulumi/aws": PROJECT_VERSIONS["@pulumi/aws"],
    "@pulumi/pulumi": PROJECT_VERSIONS["@pulumi/pulumi"],
  };
  const devDependencies = { "@types/node": PROJECT_VERSIONS["@types/node"], typescript: PROJECT_VERSIONS.typescript };
  return `${stableJson({ name: project, private: true, main: "index.ts", dependencies, devDependencies })}\n`;
}

/** The compiler options of `tsconfig.json` (Pulumi's TypeScript template). */
export const TSCONFIG_OPTIONS = {
  strict: true,
  outDir: "bin",
  target: "es2020",
  module: "commonjs",
  moduleResolution: "node",
  sourceMap: true,
  experimentalDecorators: true,
  pretty: true,
  noFallthroughCasesInSwitch: true,
  noImplicitReturns: true,
  forceConsistentCasingInFileNames: true,
  skipLibCheck: true,
} as const;

/** `tsconfig.json`. */
export function tsconfigJson(): string {
  return `${stableJson({ compilerOptions: TSCONFIG_OPTIONS, files: ["index.ts"] })}\n`;
}

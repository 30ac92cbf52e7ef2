/**
 * Test harness for the emitters: run them, write a case's output under `test/.out/<case>/` (inside the repository,
 * so the generated program resolves `@pulumi/*` from our node_modules), type-check every generated program with one
 * `tsc` process, and run a program in-process under Pulumi mocks, recording every resource.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as pulumi from "@pulumi/pulumi";
import { DiagnosticCollector, type Diagnostic } from "../../../compiler/diagnostics/diagnostic.js";
import { emitters } from "../../../compiler/emit/index.js";
import type { OutputFile } from "../../../compiler/emit/emitter.js";
import { TSCONFIG_OPTIONS } from "../../../compiler/emit/pulumi/project-files.js";
import type { GatewayModel } from "../../../compiler/model/types.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const outRoot = path.join(root, "test", ".out");
const requireFromHere = createRequire(import.meta.url);
let runs = 0;

/** Runs every emitter over `model`. */
export function emitAll(model: GatewayModel, specDirFromPulumi = ".."): { files: readonly OutputFile[]; diagnostics: readonly Diagnostic[] } {
  const report = new DiagnosticCollector();
  const files = emitters.flatMap((e) => e.emit(model, { specDirFromPulumi, report }));
  return { files, diagnostics: report.diagnostics };
}

/** The content of the file at `filePath`. @throws when it was not emitted. */
export function fileOf(files: readonly OutputFile[], filePath: string): string {
  const file = files.find((f) => f.path === filePath);
  if (file === undefined) throw new Error(`${filePath} was not emitted (got ${files.map((f) => f.path).join(", ")}).`);
  return file.content;
}

/** Writes `files` to `test/.out/<caseName>/` (emptied first); returns that folder. */
export function writeCase(caseName: string, files: readonly OutputFile[]): string {
  const dir = path.join(outRoot, caseName);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const file of files) {
    const target = path.join(dir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
  }
  return dir;
}

/**
 * Starts type-checking `pulumi/index.ts` of every listed case in one `tsc` process, with the generated tsconfig's
 * options. Resolves to tsc's output ("" when clean).
 */
export function startTypeCheck(caseNames: readonly string[]): Promise<string> {
  const config = path.join(outRoot, "emit-tsconfig.json");
  const files = caseNames.map((c) => `${c}/pulumi/index.ts`);
  fs.writeFileSync(config, JSON.stringify({ compilerOptions: { ...TSCONFIG_OPTIONS, noEmit: true, pretty: false }, files }, null, 2));
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  return new Promise((resolve) => {
    execFile(process.execPath, [tsc, "-p", config], { cwd: root, encoding: "utf8" }, (error, stdout, stderr) => {
      resolve(error ? `${stdout}${stderr}` || error.message : "");
    });
  });
}

/** The value of a Pulumi secret as mocks receive it (a wrapper object), or undefined when `value` is not one. */
export function secretValue(value: unknown): unknown {
  const wrapper = value as Record<string, unknown> | undefined;
  return wrapper?.["4dabf18193072939515e22adb298388d"] === "1b47061264138c4ac30d75fd1eb44270" ? wrapper.value : undefined;
}

/** A resource the program registered, with its resolved inputs. */
export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

const ACCOUNT = "123456789012";
const REGION = "us-east-1";

/** Outputs the mocks give each resource type, as the provider would compute them. */
function computed(type: string, name: string, id: string, inputs: Record<string, unknown>): Record<string, unknown> {
  switch (type) {
    case "aws:apigateway/restApi:RestApi":
      return { executionArn: `arn:aws:execute-api:${REGION}:${ACCOUNT}:${id}`, rootResourceId: "root" };
    case "aws:apigateway/stage:Stage":
      return { invokeUrl: `https://${id}.execute-api.${REGION}.amazonaws.com/${String(inputs.stageName)}` };
    case "aws:lambda/function:Function":
      return { arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`, name };
    case "aws:iam/role:Role":
      return { arn: `arn:aws:iam::${ACCOUNT}:role/${name}`, name };
    case "aws:cloudwatch/logGroup:LogGroup":
      return { arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${name}`, name };
    default:
      return {};
  }
}

/** Mocked results of the data sources the program may call. */
function callResult(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
  switch (token) {
    case "aws:index/getPartition:getPartition":
      return { id: "aws", partition: "aws", dnsSuffix: "amazonaws.com" };
    case "aws:index/getRegion:getRegion":
      return { id: REGION, name: REGION, region: REGION };
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return { id: ACCOUNT, accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/test`, userId: "test" };
    default:
      return inputs;
  }
}

/**
 * Runs `test/.out/<caseName>/pulumi/index.ts` under Pulumi mocks as stack `stack` of `project`, with `config`
 * (keys without a namespace get the project's) and `secrets` among them; waits until every registration is done.
 */
export async function runUnderMocks(
  caseName: string,
  options: { project: string; stack: string; config: Readonly<Record<string, string>>; secrets?: readonly string[] },
): Promise<readonly RecordedResource[]> {
  const resources: RecordedResource[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        const inputs = args.inputs as Record<string, unknown>;
        resources.push({ type: args.type, name: args.name, inputs });
        const id = `${args.name}-id`;
        return { id, state: { ...inputs, ...computed(args.type, args.name, id, inputs) } };
      },
      call: (args) => callResult(args.token, args.inputs as Record<string, unknown>),
    },
    options.project,
    options.stack,
    false,
  );
  const qualify = (key: string): string => (key.includes(":") ? key : `${options.project}:${key}`);
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.config)) config[qualify(key)] = value;
  pulumi.runtime.setAllConfig(config, (options.secrets ?? []).map(qualify));
  // The program is CommonJS (its package.json has no "type"): forget an earlier run, then import it afresh.
  const program = path.join(outRoot, caseName, "pulumi", "index.ts");
  delete requireFromHere.cache[program];
  await import(`${pathToFileURL(program).href}?run=${++runs}`);
  await pulumi.runtime.disconnect();
  return resources;
}

/** The one resource of `type` named `name`. @throws when there is none or more than one. */
export function resourceOf(resources: readonly RecordedResource[], type: string, name: string): RecordedResource {
  const found = resources.filter((r) => r.type === type && r.name === name);
  if (found.length !== 1) throw new Error(`Expected one ${type} ${name}, found ${found.length}.`);
  return found[0] as RecordedResource;
}

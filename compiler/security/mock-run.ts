/**
 * Runs a generated `pulumi/index.ts` in-process under Pulumi's mocks
 * (https://www.pulumi.com/docs/iac/guides/testing/unit/) and records every resource it registers: the graph the
 * security checks read, and what the emitter tests assert.
 *
 * The program is TypeScript; it is transpiled to CommonJS with the TypeScript that ts-morph bundles (no tsx, no
 * type check: the emitter tests type-check every generated program) and run as a CommonJS module whose filename
 * is the program's path. Its `require` gives it the runner's own `@pulumi/pulumi` and `@pulumi/aws`
 * (pulumi-packages.ts), so the mocks see its resources, and, when the build has not been written yet, reads of
 * the built files (`openapi.aws.json`) from memory: nothing touches the disk.
 *
 * The mocks compute the outputs the program and the checks read as the provider would (ARNs in account
 * 123456789012, Region us-east-1; ids `<name>-id`) and answer the data sources the program calls.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { createRequire, Module } from "node:module";
import * as path from "node:path";
import * as vm from "node:vm";
import { ts } from "ts-morph";
import type { GraphResource, ResourceGraph } from "./graph.js";
import type { PulumiPackages } from "./pulumi-packages.js";

/** Account the mocks deploy to. */
export const MOCK_ACCOUNT = "123456789012";
/** Region the mocks deploy to. */
export const MOCK_REGION = "us-east-1";

/** Outputs the mocks give each resource type, as the provider would compute them. */
function computed(type: string, name: string, id: string, inputs: Readonly<Record<string, unknown>>): Record<string, unknown> {
  switch (type) {
    case "aws:apigateway/restApi:RestApi":
      return { executionArn: `arn:aws:execute-api:${MOCK_REGION}:${MOCK_ACCOUNT}:${id}`, rootResourceId: "root" };
    case "aws:apigateway/stage:Stage": {
      const api = String(inputs["restApi"]);
      const stage = String(inputs["stageName"]);
      return {
        arn: `arn:aws:apigateway:${MOCK_REGION}::/restapis/${api}/stages/${stage}`,
        executionArn: `arn:aws:execute-api:${MOCK_REGION}:${MOCK_ACCOUNT}:${api}/${stage}`,
        invokeUrl: `https://${id}.execute-api.${MOCK_REGION}.amazonaws.com/${stage}`,
      };
    }
    case "aws:apigatewayv2/api:Api":
      return {
        executionArn: `arn:aws:execute-api:${MOCK_REGION}:${MOCK_ACCOUNT}:${id}`,
        apiEndpoint: `https://${id}.execute-api.${MOCK_REGION}.amazonaws.com`,
      };
    case "aws:apigatewayv2/stage:Stage": {
      // The $default stage is served at the API's root: its URL has no stage segment, its ARNs do.
      const api = String(inputs["apiId"]);
      const stage = String(inputs["name"]);
      return {
        arn: `arn:aws:apigateway:${MOCK_REGION}::/apis/${api}/stages/${stage}`,
        executionArn: `arn:aws:execute-api:${MOCK_REGION}:${MOCK_ACCOUNT}:${api}/${stage}`,
        invokeUrl: `https://${api}.execute-api.${MOCK_REGION}.amazonaws.com/${stage === "$default" ? "" : `${stage}/`}`,
      };
    }
    case "aws:apigatewayv2/domainName:DomainName": {
      const configuration = (inputs["domainNameConfiguration"] ?? {}) as Record<string, unknown>;
      return {
        arn: `arn:aws:apigateway:${MOCK_REGION}::/domainnames/${String(inputs["domainName"])}`,
        domainNameConfiguration: { ...configuration, targetDomainName: `d-${id}.execute-api.${MOCK_REGION}.amazonaws.com`, hostedZoneId: "Z1UJRXOUMOOFQ8" },
      };
    }
    case "aws:apigateway/domainName:DomainName":
      return {
        arn: `arn:aws:apigateway:${MOCK_REGION}::/domainnames/${String(inputs["domainName"])}`,
        regionalDomainName: `d-${id}.execute-api.${MOCK_REGION}.amazonaws.com`,
        regionalZoneId: "Z1UJRXOUMOOFQ8",
        cloudfrontDomainName: `${id}.cloudfront.net`,
        cloudfrontZoneId: "Z2FDTNDATAQYW2",
      };
    case "aws:lambda/function:Function":
      return { arn: `arn:aws:lambda:${MOCK_REGION}:${MOCK_ACCOUNT}:function:${name}`, name };
    case "aws:iam/role:Role":
      return { arn: `arn:aws:iam::${MOCK_ACCOUNT}:role/${name}`, name };
    case "aws:cloudwatch/logGroup:LogGroup":
      return { arn: `arn:aws:logs:${MOCK_REGION}:${MOCK_ACCOUNT}:log-group:${name}`, name };
    case "aws:apigateway/apiKey:ApiKey":
      // API Gateway generates the value: 20–128 letters and digits.
      return { value: createHash("sha256").update(`api-key:${name}`).digest("hex").slice(0, 40) };
    default:
      return {};
  }
}

/** The id the mocks give the authorizer that an import document names `name` (6 letters and digits, as API Gateway's). */
export function mockAuthorizerId(name: string): string {
  return createHash("sha256").update(`authorizer:${name}`).digest("hex").slice(0, 6);
}

/** Names of the authorizers the import document (`body`) of the RestApi with id `restApiId` creates, sorted. */
function importedAuthorizers(resources: readonly GraphResource[], restApiId: unknown): string[] {
  const api = resources.find((r) => r.type === "aws:apigateway/restApi:RestApi" && r.id === restApiId);
  const body = typeof api?.inputs["body"] === "string" ? (JSON.parse(api.inputs["body"]) as { components?: { securitySchemes?: Record<string, Record<string, unknown>> } }) : {};
  return Object.entries(body.components?.securitySchemes ?? {})
    .filter(([, scheme]) => scheme["x-amazon-apigateway-authorizer"] !== undefined)
    .map(([name]) => name)
    .sort();
}

/** Mocked results of the data sources the program may call; authorizers are read from the imported bodies in `resources`. */
function callResult(token: string, inputs: Record<string, unknown>, resources: readonly GraphResource[]): Record<string, unknown> {
  switch (token) {
    case "aws:apigateway/getAuthorizers:getAuthorizers": {
      const ids = importedAuthorizers(resources, inputs["restApiId"]).map(mockAuthorizerId);
      return { id: String(inputs["restApiId"]), ids, region: MOCK_REGION, restApiId: inputs["restApiId"] };
    }
    case "aws:apigateway/getAuthorizer:getAuthorizer": {
      const name = importedAuthorizers(resources, inputs["restApiId"]).find((n) => mockAuthorizerId(n) === inputs["authorizerId"]);
      if (name === undefined) throw new Error(`No authorizer ${String(inputs["authorizerId"])} in API ${String(inputs["restApiId"])}.`);
      const authorizerId = String(inputs["authorizerId"]);
      const arn = `arn:aws:apigateway:${MOCK_REGION}::/restapis/${String(inputs["restApiId"])}/authorizers/${authorizerId}`;
      return { ...inputs, id: authorizerId, authorizerId, arn, name };
    }
    case "aws:index/getPartition:getPartition":
      return { id: "aws", partition: "aws", dnsSuffix: "amazonaws.com" };
    case "aws:index/getRegion:getRegion":
      return { id: MOCK_REGION, name: MOCK_REGION, region: MOCK_REGION };
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return { id: MOCK_ACCOUNT, accountId: MOCK_ACCOUNT, arn: `arn:aws:iam::${MOCK_ACCOUNT}:user/test`, userId: "test" };
    default:
      return inputs;
  }
}

/** How to run a program. */
export interface MockRunOptions {
  /** Pulumi project (`Pulumi.yaml` name) and stack; the stack is the stage the program deploys. */
  readonly project: string;
  readonly stack: string;
  /** Config values; keys without a namespace get the project's. */
  readonly config: Readonly<Record<string, string>>;
  /** Keys of `config` that are secrets. */
  readonly secrets?: readonly string[];
  /**
   * Files to serve from memory, by absolute path: the program itself and what it reads, when the build has not
   * been written. Other paths are read from disk.
   */
  readonly files?: ReadonlyMap<string, string>;
  /** When given, receives the program's stack outputs (its exports), resolved. */
  readonly outputs?: Record<string, unknown>;
}

/** `fs` for the program: `readFileSync` serves `files` first. */
function overlayFs(files: ReadonlyMap<string, string>): typeof fs {
  const readFileSync = ((file: fs.PathOrFileDescriptor, options?: unknown) => {
    const text = typeof file === "string" ? files.get(path.resolve(file)) : undefined;
    if (text === undefined) return fs.readFileSync(file, options as fs.ObjectEncodingOptions);
    const encoding = typeof options === "string" ? options : (options as { encoding?: string } | undefined)?.encoding;
    return encoding ? text : Buffer.from(text);
  }) as typeof fs.readFileSync;
  return { ...fs, readFileSync };
}

/** Transpiles and runs the program as a CommonJS module at `programPath`. @returns its exports. */
function runProgram(programPath: string, packages: PulumiPackages, files: ReadonlyMap<string, string>): Record<string, unknown> {
  const source = files.get(programPath) ?? fs.readFileSync(programPath, "utf8");
  const { outputText } = ts.transpileModule(source, {
    fileName: programPath,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
  });
  const program = new Module(programPath);
  program.filename = programPath;
  const fallback = createRequire(programPath);
  const programFs = files.size > 0 ? overlayFs(files) : fs;
  const load = (id: string): unknown => {
    if (packages.modules.has(id)) return packages.modules.get(id);
    return id === "fs" || id === "node:fs" ? programFs : fallback(id);
  };
  const wrapper = vm.runInThisContext(Module.wrap(outputText), { filename: programPath }) as (...args: unknown[]) => void;
  wrapper.call(program.exports, program.exports, Object.assign(load, { resolve: fallback.resolve, cache: fallback.cache }), program, programPath, path.dirname(programPath));
  return program.exports as Record<string, unknown>;
}

/** The value of a stack output: an Output's resolved value, anything else as it is. */
function resolveOutput(value: unknown): Promise<unknown> {
  const output = value as { apply?: (f: (v: unknown) => unknown) => unknown } | undefined;
  if (typeof output?.apply !== "function") return Promise.resolve(value);
  const apply = output.apply.bind(output);
  return new Promise((resolve) => {
    apply((v) => {
      resolve(v);
      return v;
    });
  });
}

/**
 * Runs the program at `programPath` (absolute) under mocks and waits until every registration is done.
 * Runs must not overlap: Pulumi's runtime state is global.
 * @returns every resource it registered, in order.
 * @throws what the program throws.
 */
export async function runUnderMocks(programPath: string, packages: PulumiPackages, options: MockRunOptions): Promise<ResourceGraph> {
  const { pulumi } = packages;
  const resources: GraphResource[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        const inputs = args.inputs as Record<string, unknown>;
        const id = `${args.name}-id`;
        const outputs = computed(args.type, args.name, id, inputs);
        resources.push({ type: args.type, name: args.name, inputs, id, outputs });
        return { id, state: { ...inputs, ...outputs } };
      },
      call: (args) => callResult(args.token, args.inputs as Record<string, unknown>, resources),
    },
    options.project,
    options.stack,
    false,
  );
  const qualify = (key: string): string => (key.includes(":") ? key : `${options.project}:${key}`);
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.config)) config[qualify(key)] = value;
  pulumi.runtime.setAllConfig(config, (options.secrets ?? []).map(qualify));
  // A program that fails inside an Output callback rejects a promise no one awaits: catch it for this run, rather
  // than let it end the process.
  const failures: unknown[] = [];
  const onFailure = (error: unknown): void => void failures.push(error);
  process.on("unhandledRejection", onFailure);
  try {
    const exports = runProgram(programPath, packages, options.files ?? new Map());
    for (const [name, value] of Object.entries(options.outputs ? exports : {})) {
      if (options.outputs) options.outputs[name] = await resolveOutput(value);
    }
    await pulumi.runtime.disconnect();
    // Node reports a rejection no one handled once the microtask queue is empty: let it, before listening stops.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("unhandledRejection", onFailure);
  }
  if (failures.length > 0) throw failures[0];
  return resources;
}

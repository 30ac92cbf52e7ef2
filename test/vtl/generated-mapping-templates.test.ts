/**
 * Every mapping template Portico generates for the samples' request and response mappings, rendered by the VTL
 * evaluator against ordinary and hostile inputs (fast-check: quotes, backslashes, line breaks, `$`, `#`, `</`,
 * U+2028, non-ASCII, empty and missing values), its output parsed (JSON, or the form, base64 or JSON string the
 * service request carries it in) and compared with what the shape means (./generated-oracle.ts).
 */
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, nodeHost } from "../../compiler/index.js";
import type { Integration, Mapping, Operation } from "../../compiler/model/types.js";
import { renderTemplate } from "../../compiler/vtl/index.js";
import { isDeepStrictEqual } from "node:util";
import { conditionHolds, expectedRequest, expectedResponse, pathSteps, type OracleRequest } from "./generated-oracle.js";

const runs = { numRuns: 100 };

/** Strings with what breaks templates, JSON and forms (no lone surrogates: a form cannot carry them). */
const hostile = fc.oneof(
  fc.string({ unit: fc.constantFrom("'", '"', "\\", "\\'", "\n", "\r", "\t", "$", "#", "##", "#set(", "$input", "</", "</script>", "\u2028", "\u0000", "é", "€", "😀", "a", " ", "+", "%", "&", "=", "/", "{", "}", ","), maxLength: 16 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constant(""),
);
const number = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100);
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, hostile, number, fc.boolean(), fc.constant(null), fc.array(tie("value"), { maxLength: 3 }), fc.dictionary(hostile, tie("value"), { maxKeys: 3, noNullPrototype: true })),
})).value;

type Sample = { spec: string; model: NonNullable<ReturnType<typeof build>["model"]>; document: Record<string, any> };
const samples: Sample[] = ["samples/pets/openapi.yaml", "samples/warehouse/openapi.yaml"].map((spec) => {
  const result = build(nodeHost, spec, { out: "test/.out/generated-mapping-templates", emit: ["openapi"] });
  assert.is(result.errorCount, 0, spec);
  return { spec, model: result.model!, document: JSON.parse(result.files[0]!.content) };
});

const methodKey = (op: Operation) => (op.method === "ANY" ? "x-amazon-apigateway-any-method" : op.method.toLowerCase());
const integrationOf = (sample: Sample, op: Operation): Record<string, any> => sample.document.paths[op.path][methodKey(op)]["x-amazon-apigateway-integration"];
/** The template as the deployed API holds it, deploy-time placeholders written as plain text (as `--emit templates` does). */
const runnable = (template: string) => template.replace(/\$\{portico:/g, "{portico:");

/** Every source string a shape reads. */
function leaves(shape: unknown, found: string[] = []): string[] {
  if (typeof shape === "string" && shape.startsWith("$")) found.push(shape);
  else if (Array.isArray(shape)) for (const item of shape) leaves(item, found);
  else if (typeof shape === "object" && shape !== null) {
    if (typeof (shape as Record<string, unknown>)["$source"] === "string") found.push((shape as Record<string, string>)["$source"]!);
    else for (const value of Object.values(shape)) leaves(value, found);
  }
  return found;
}

/** Sets `value` at `steps` of `root`, creating objects on the way. */
function put(root: Record<string, unknown>, steps: readonly (string | number)[], value: unknown): void {
  let here: any = root;
  steps.forEach((step, i) => {
    if (i === steps.length - 1) here[step] = value;
    else here = here[step] = typeof here[step] === "object" && here[step] !== null ? here[step] : typeof steps[i + 1] === "number" ? [] : {};
  });
}

/** A value for one leaf: absent, empty, JSON null, a hostile string, or any JSON value. */
const leafValue = fc.oneof(fc.constant(undefined), fc.constant(""), fc.constant(null), hostile, number, fc.boolean(), json);

/** Random requests for `shape`: each leaf it reads present (with any value), empty or absent. */
function requests(shape: unknown): fc.Arbitrary<OracleRequest> {
  const sources = [...new Set(leaves(shape))];
  return fc.tuple(...sources.map(() => leafValue), json).map(([...values]) => {
    const extra = values.pop();
    const body: Record<string, unknown> = { unrelated: extra };
    const request = { path: {} as Record<string, string>, query: {} as Record<string, string>, headers: {} as Record<string, string>, context: {} as Record<string, unknown>, stageVariables: {} as Record<string, string> };
    sources.forEach((source, i) => {
      const value = values[i];
      const [root, where, ...rest] = source.slice(1).split(".");
      if (root === "request" && where === "body") {
        if (value !== undefined) put(body, rest, value);
        return;
      }
      const asText = value === undefined ? undefined : typeof value === "string" ? value : JSON.stringify(value);
      // API Gateway routes a request only when every path variable has a value.
      if (root === "request" && where === "path") request.path[rest.join(".")] = asText || "x";
      if (asText === undefined || where === "path") return;
      else if (root === "request") (where === "query" ? request.query : request.headers)[rest.join(".")] = asText;
      else if (root === "context") put(request.context, [where!, ...rest], asText);
      else request.stageVariables[[where, ...rest].join(".")] = asText;
    });
    const text = JSON.stringify(body);
    return { ...request, json: body, body: text };
  });
}

/** The JSON a rendered request template carries, by where the integration puts the shape. */
function carried(integration: Integration, output: string): unknown {
  if (integration.kind === "stepfunctions") return JSON.parse((JSON.parse(output) as { input: string }).input);
  if (integration.kind !== "aws") return JSON.parse(output);
  switch (integration.service) {
    case "sqs":
      return JSON.parse(new URLSearchParams(output).get("MessageBody") ?? "");
    case "sns":
      return JSON.parse(new URLSearchParams(output).get("Message") ?? "");
    case "events":
      return JSON.parse((JSON.parse(output) as { Entries: { Detail: string }[] }).Entries[0]!.Detail);
    case "kinesis":
      return JSON.parse(Buffer.from((JSON.parse(output) as { Data: string }).Data, "base64").toString("utf8"));
    case "dynamodb": {
      const { TableName: _table, ...rest } = JSON.parse(output) as Record<string, unknown>;
      return rest;
    }
    default:
      return JSON.parse(output);
  }
}

const shapeOf = (mapping: Mapping | undefined) => (mapping?.kind === "shape" ? mapping.shape : undefined);

const requestCases = samples.flatMap((sample) =>
  sample.model.operations.flatMap((op) => (op.integration?.request?.kind === "shape" ? [{ sample, op, integration: op.integration }] : [])),
);
const responseCases = samples.flatMap((sample) =>
  sample.model.operations.flatMap((op) => (op.integration?.response !== undefined ? [{ sample, op, integration: op.integration }] : [])),
);

test("the samples have request shapes and response mappings of every integration kind to check", () => {
  const kinds = new Set(requestCases.map(({ integration }) => (integration.kind === "aws" ? integration.service : integration.kind)));
  for (const kind of ["lambda", "http", "stepfunctions", "sqs", "events", "kinesis", "dynamodb"]) assert.ok(kinds.has(kind), kind);
  assert.ok(responseCases.length >= 8);
});

for (const { sample, op, integration } of requestCases) {
  test(`${sample.spec} ${op.id}: each request template writes the JSON its shape describes, for any request`, () => {
    const templates = integrationOf(sample, op)["requestTemplates"] as Record<string, string>;
    assert.ok(Object.keys(templates).length > 0);
    const shape = shapeOf(integration.request);
    for (const [mediaType, template] of Object.entries(templates)) {
      fc.assert(
        fc.property(requests(shape), (request) => {
          const { output } = renderTemplate(runnable(template), { ...request, body: request.body });
          const actual = carried(integration, output);
          const expected = expectedRequest(shape, request, op);
          if (!isDeepStrictEqual(actual, expected)) throw new Error(`${mediaType}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}\n${output}`);
        }),
        runs,
      );
    }
  });
}

/** Random integration responses for the JSONPaths a response mapping reads. */
function integrationResponses(paths: readonly string[]): fc.Arbitrary<unknown> {
  return fc.tuple(...paths.map(() => leafValue), json).map(([...values]) => {
    const extra = values.pop();
    const response: Record<string, unknown> = { unrelated: extra };
    paths.forEach((path, i) => {
      if (values[i] !== undefined) put(response, pathSteps(path), values[i]);
    });
    return response;
  });
}

const noRequest: OracleRequest = { body: "{}", json: {}, path: {}, query: {}, headers: {}, context: {}, stageVariables: {} };

for (const { sample, op, integration } of responseCases) {
  const mapping = integration.response!;
  test(`${sample.spec} ${op.id}: the default response answers the first error condition that holds, else the success body`, () => {
    const responses = integrationOf(sample, op)["responses"] as Record<string, { statusCode: string; responseTemplates?: Record<string, string> }>;
    const template = responses["default"]?.responseTemplates?.["application/json"];
    const conditions = mapping.errors.filter((e) => e.when.startsWith("$"));
    const success = shapeOf(mapping.body);
    if (template === undefined) {
      assert.ok(mapping.body === undefined && conditions.length === 0);
      return;
    }
    const paths = [...leaves(success), ...conditions.map((e) => /^\$\S*?(?=\s*[=!<>])/.exec(e.when)![0]), ...conditions.flatMap((e) => leaves(shapeOf(e.body)))];
    fc.assert(
      fc.property(integrationResponses(paths.filter((p) => !p.startsWith("$request") && !p.startsWith("$context"))), (response) => {
        const { output, overrides } = renderTemplate(runnable(template), { body: JSON.stringify(response), kind: "response" });
        const error = conditions.find((e) => conditionHolds(e.when, response));
        if (error !== undefined) {
          assert.is(overrides.response.status, error.status);
          assert.equal(JSON.parse(output), expectedResponse(shapeOf(error.body), response, noRequest));
        } else {
          assert.is(overrides.response.status, undefined);
          // Raw VTL (a template file) is the author's: only the conditions are checked.
          if (success !== undefined) assert.equal(JSON.parse(output), expectedResponse(success, response, noRequest, op), output);
        }
      }),
      runs,
    );
  });

  const patterns = mapping.errors.filter((e) => !e.when.startsWith("$"));
  if (patterns.length > 0) {
    test(`${sample.spec} ${op.id}: each selection-pattern error has its integration response, status and body`, () => {
      const responses = integrationOf(sample, op)["responses"] as Record<string, { statusCode: string; responseTemplates?: Record<string, string> }>;
      for (const error of patterns) {
        const response = responses[error.when];
        assert.is(response?.statusCode, String(error.status), error.when);
        const template = response?.responseTemplates?.["application/json"];
        if (error.body === undefined) {
          assert.is(template, undefined);
          continue;
        }
        fc.assert(
          fc.property(fc.record({ errorMessage: hostile, errorType: hostile }), (lambdaError) => {
            const { output } = renderTemplate(runnable(template!), { body: JSON.stringify(lambdaError), kind: "response" });
            assert.equal(JSON.parse(output), expectedResponse(shapeOf(error.body), lambdaError, noRequest));
          }),
          runs,
        );
      }
    });
  }
}

test.run();

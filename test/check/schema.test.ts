/**
 * The JSON Schemas in schemas/: every property documented, closed objects, strict-mode clean, and the native
 * extension table in step with the native schema.
 */
import { createRequire } from "node:module";
import AjvModule from "ajv";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { nativeExtensions } from "../../compiler/parse/native-extensions.js";

const require = createRequire(import.meta.url);
const gateway = require("../../schemas/x-gateway.schema.json") as Record<string, unknown>;
const native = require("../../schemas/x-amazon-apigateway.schema.json") as Record<string, unknown>;

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => v !== null && typeof v === "object" && !Array.isArray(v);

/** Keywords whose subschemas only add conditions to an object declared elsewhere. */
const CONDITIONS = new Set(["if", "then", "else", "not", "anyOf", "oneOf", "allOf", "propertyNames"]);
/** Keywords whose values are data, not subschemas. */
const DATA = new Set(["enum", "const", "required", "examples", "default"]);

interface Visit {
  readonly node: Node;
  readonly path: string;
  /** True inside if/then/else/not/anyOf/…: such schemas only restate or constrain, they declare nothing. */
  readonly condition: boolean;
}

function* walk(node: unknown, path: string, condition = false): Generator<Visit> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* walk(item, `${path}/${i}`, condition);
    return;
  }
  if (!isNode(node)) return;
  yield { node, path, condition };
  for (const [key, value] of Object.entries(node)) {
    if (DATA.has(key)) continue;
    if (key === "properties" || key === "definitions" || key === "patternProperties") {
      if (isNode(value)) for (const [k, sub] of Object.entries(value)) yield* walk(sub, `${path}/${key}/${k}`, condition);
      continue;
    }
    yield* walk(value, `${path}/${key}`, condition || CONDITIONS.has(key));
  }
}

for (const [name, schema] of [["x-gateway", gateway], ["x-amazon-apigateway", native]] as const) {
  test(`${name}: every property at any depth has a description`, () => {
    const missing: string[] = [];
    for (const { node, path, condition } of walk(schema, "#")) {
      if (!isNode(node["properties"])) continue;
      for (const [key, sub] of Object.entries(node["properties"])) {
        // `true` restates a property the enclosing object declares (ajv strictRequired); only allowed in conditions.
        if (sub === true && condition) continue;
        if (!isNode(sub) || typeof sub["description"] !== "string" || sub["description"].length < 3) missing.push(`${path}/properties/${key}`);
      }
    }
    assert.equal(missing, []);
  });

  test(`${name}: every declared object is closed (additionalProperties: false)`, () => {
    const open: string[] = [];
    for (const { node, path, condition } of walk(schema, "#")) {
      if (condition || !isNode(node["properties"]) || path === "#") continue;
      if (node["additionalProperties"] !== false) open.push(path);
    }
    assert.equal(open, []);
  });

  test(`${name}: every definition has a description`, () => {
    const definitions = schema["definitions"] as Record<string, Node>;
    const bare = Object.entries(definitions).filter(([, d]) => typeof d["description"] !== "string").map(([k]) => k);
    assert.equal(bare, []);
  });
}

test("x-gateway: the free-form objects are exactly the ones meant to be free-form", () => {
  const free: string[] = [];
  for (const { node, path, condition } of walk(gateway, "#")) {
    if (condition || node["type"] !== "object" || isNode(node["properties"]) || node["additionalProperties"] !== undefined) continue;
    if ("if" in node || "$ref" in node) continue; // shaped by the branch it selects
    free.push(path);
  }
  assert.equal(free.sort(), [
    "#/definitions/MessageSchema",
    "#/definitions/PolicyStatement/properties/Condition",
  ]);
});

test("both schemas compile under ajv strict mode, every definition included", () => {
  const ajv = new AjvModule.default({ strict: true, allowUnionTypes: true });
  ajv.addSchema(gateway);
  ajv.addSchema(native);
  for (const schema of [gateway, native]) {
    assert.ok(ajv.getSchema(schema["$id"] as string));
    for (const definition of Object.keys(schema["definitions"] as object)) {
      assert.ok(ajv.getSchema(`${schema["$id"] as string}#/definitions/${definition}`), definition);
    }
  }
});

test("x-gateway has a definition per attachment point and per shared concept", () => {
  const definitions = Object.keys(gateway["definitions"] as object);
  for (const name of [
    "Root", "PathItem", "Operation", "SecurityScheme", "Value", "Throttle", "Mapping", "ResponseMapping", "Stage", "Function",
    "UsagePlan", "Cors", "Domain", "WebSocket", "WebSocketRoute", "LambdaIntegration", "HttpIntegration", "DefaultIntegration",
  ]) {
    assert.ok(definitions.includes(name), name);
  }
  assert.is(gateway["$id"], "https://portico.dev/schemas/x-gateway.schema.json");
  assert.is(gateway["$schema"], "http://json-schema.org/draft-07/schema#");
});

test("every integration key is a plain optional property of Operation, WebSocketRoute and DefaultIntegration", () => {
  const keys = ["lambda", "http", "mock", "stepfunctions", "dynamodb", "sqs", "sns", "eventbridge", "kinesis", "s3", "aws"];
  const definitions = gateway["definitions"] as Record<string, Node>;
  for (const owner of ["Operation", "WebSocketRoute", "DefaultIntegration"]) {
    const def = definitions[owner] as Node;
    const properties = def["properties"] as Node;
    for (const key of keys) assert.ok(isNode(properties[key]), `${owner}.${key}`);
    assert.not.ok("oneOf" in def || "anyOf" in def || "required" in def, owner);
  }
});

test("the native extension table and the native schema name the same 20 extensions", () => {
  const definitions = Object.keys(native["definitions"] as object).filter((k) => k.startsWith("x-amazon-apigateway-"));
  assert.equal(definitions.sort(), [...nativeExtensions.keys()].sort());
  assert.is(definitions.length, 20);
  for (const extension of nativeExtensions.values()) assert.ok(extension.placements.length > 0, extension.name);
  assert.equal(nativeExtensions.get("x-amazon-apigateway-endpoint-configuration")?.placements, ["server"]);
  assert.equal(nativeExtensions.get("x-amazon-apigateway-request-validator")?.placements, ["root", "operation"]);
});

test("the quota-derived ranges are in the schema", () => {
  const definitions = gateway["definitions"] as Record<string, Node>;
  const prop = (def: string, key: string) => ((definitions[def] as Node)["properties"] as Record<string, Node>)[key] as Node;
  assert.equal([prop("SecurityScheme", "ttl")["minimum"], prop("SecurityScheme", "ttl")["maximum"]], [0, 3600]);
  assert.equal([prop("StageCache", "ttl")["minimum"], prop("StageCache", "ttl")["maximum"]], [0, 3600]);
  assert.equal([prop("OperationCache", "ttl")["minimum"], prop("OperationCache", "ttl")["maximum"]], [0, 3600]);
  assert.equal([prop("Cors", "maxAge")["minimum"], prop("Cors", "maxAge")["maximum"]], [-1, 86400]);
  assert.equal([prop("Root", "minimumCompressionSize")["minimum"], prop("Root", "minimumCompressionSize")["maximum"]], [0, 10485760]);
  assert.is(prop("Operation", "timeout")["minimum"], 50);
  // The 50-audience limit is a semantic rule (quota-exceeded, with its source), not a schema bound.
  assert.is(prop("JwtAuthorizer", "audiences")["maxItems"], undefined);
});

test.run();

/**
 * `integration-source-invalid`: settings of AWS-service integrations written as source expressions must parse and
 * name parameters the operation declares.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { diagnose, yaml } from "./helpers/check.js";

const CODE = ["integration-source-invalid"];

test("a malformed source and a parameter the operation does not declare (as written) are reported at the setting's value", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: T, version: 1.0.0 }
    paths:
      /photos/{photoId}:
        get:
          parameters: [{ name: photoId, in: path, required: true, schema: { type: string } }]
          x-gateway: { s3: { bucket: b, key: $request.path.photo } }
          responses: { '200': { description: OK } }
      /records:
        post:
          x-gateway:
            kinesis: { stream: s, partitionKey: $request.cookie.id }
          responses: { '200': { description: OK } }
      /events:
        post:
          parameters: [{ name: X-Type, in: header, schema: { type: string } }]
          x-gateway:
            eventbridge: { bus: b, source: $request.header.x-type, detailType: $request.query.kind }
          responses: { '200': { description: OK } }
      /items/{id}:
        get:
          parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
          x-gateway:
            dynamodb: { table: t, key: { pk: $request.path.id, sk: "$stageVariables.a-b" } }
          responses: { '200': { description: OK } }
  `;
  assert.equal(diagnose(spec, CODE), [
    { code: "integration-source-invalid", line: 7, column: 42 },
    { code: "integration-source-invalid", line: 12, column: 45 },
    { code: "integration-source-invalid", line: 18, column: 40 },
    { code: "integration-source-invalid", line: 18, column: 76 },
    { code: "integration-source-invalid", line: 24, column: 64 },
  ]);
});

test("literals, declared parameters, the body, $context and stage variables pass", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: T, version: 1.0.0 }
    paths:
      /photos/{photoId}:
        get:
          parameters: [{ name: photoId, in: path, required: true, schema: { type: string } }, { name: X-Tenant, in: header, schema: { type: string } }]
          x-gateway:
            eventbridge: { bus: b, source: $request.header.X-Tenant, detailType: $context.authorizer.claims.cognito:groups }
          responses: { '200': { description: OK } }
      /records:
        post:
          x-gateway: { kinesis: { stream: s, partitionKey: $request.body.device.id } }
          responses: { '200': { description: OK } }
      /files:
        get:
          x-gateway: { s3: { bucket: b, key: "reports/$2024 #1.pdf" } }
          responses: { '200': { description: OK } }
      /items:
        get:
          x-gateway: { dynamodb: { table: t, action: Query, key: { pk: $stageVariables.tenant } } }
          responses: { '200': { description: OK } }
  `;
  assert.equal(diagnose(spec, CODE), []);
});

test.run();

/**
 * AWS-service integrations of a REST API, end to end: a spec with one operation per action goes through the real
 * pipeline; each integration object of `openapi.aws.json` is asserted (URI, method, request parameters, templates,
 * responses and the method responses they need), and each generated template is rendered with the VTL evaluator
 * (compiler/vtl) on ordinary and hostile inputs, after its placeholders got the values the Pulumi program gives
 * them: the output must parse (JSON, or a form body) and hold exactly what the service must receive, and the
 * response templates must shape the service's answers and map its errors. Under Pulumi mocks, each role may call
 * exactly its action on its resource.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, createMemoryHost } from "../../compiler/index.js";
import { configToken, encodePlaceholderValue, findPlaceholders } from "../../compiler/emit/placeholders.js";
import { createNames } from "../../compiler/model/names.js";
import { lintTemplate, renderTemplate, type TemplateInput } from "../../compiler/vtl/index.js";
import { yaml } from "../rules/helpers/check.js";
import { fileOf, resourceOf, runUnderMocks, startTypeCheck, writeCase } from "./helpers/harness.js";

type Json = Record<string, any>;

/** Config values as a stack sets them; some hold what VTL, JSON or a form would read. */
const CONFIG: Readonly<Record<string, string>> = {
  photosBucket: "photos-prod",
  queueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/orders",
  topicArn: "arn:aws:sns:us-east-1:123456789012:alerts",
  busName: `bus-with-'quote'-"double"-$dollar-#hash-\\`,
  streamName: "arn:aws:kinesis:us-east-1:123456789012:stream/scans",
  itemsTable: "items",
};

const SPEC = yaml`
  openapi: 3.0.3
  info: { title: Services, version: 1.0.0 }
  x-gateway:
    api: rest
    stages: { prod: {} }
    validate: false
  components:
    schemas:
      Item:
        type: object
        properties:
          itemId: { type: string }
          name: { type: string }
          price: { type: number }
          inStock: { type: boolean }
          tags: { type: array, items: { type: string } }
          size: { type: object, properties: { width: { type: integer }, unit: { type: string } } }
          extra: {}
      Thing:
        type: object
        properties:
          $type: { type: string }
          "a b": { type: number }
          "#h": { type: boolean }
          'q"': { type: string }
          ü: { type: string }
          $list: { type: array, items: { type: string } }
          list: { type: array, items: { type: object, properties: { "x y": { type: string } } } }
      Odd:
        type: object
        properties:
          "it's": { type: string }
      ItemPatch:
        allOf:
          - { type: object, properties: { name: { type: string } } }
          - { type: object, properties: { price: { type: number } } }
  paths:
    /photos/{photoId}:
      parameters: [{ name: photoId, in: path, required: true, schema: { type: string } }]
      get:
        operationId: getPhoto
        x-gateway: { s3: { bucket: photos-bucket, key: $request.path.photoId, action: GetObject }, binary: true }
        responses: { '200': { description: The photo., content: { image/jpeg: { schema: { type: string, format: binary } } } } }
      put:
        operationId: putPhoto
        requestBody: { content: { image/jpeg: { schema: { type: string, format: binary } } } }
        x-gateway: { s3: { bucket: { config: photosBucket }, key: $request.path.photoId, action: PutObject }, binary: true }
        responses: { '204': { description: Stored. } }
    /legal/terms:
      delete:
        operationId: deleteTerms
        x-gateway: { s3: { bucket: "arn:aws:s3:::legal-docs", key: "terms/v 1.pdf", action: DeleteObject } }
        responses: { '204': { description: Deleted. } }
    /messages:
      post:
        operationId: sendMessage
        requestBody: { content: { application/json: { schema: { type: object } }, text/plain: { schema: { type: string } } } }
        x-gateway: { sqs: { queue: { config: queueUrl } } }
        responses: { '202': { description: Queued. } }
    /messages/by-name:
      post:
        operationId: sendByName
        x-gateway: { sqs: { queue: orders } }
        responses: { '200': { description: Queued. } }
    /alerts:
      post:
        operationId: raiseAlert
        x-gateway: { sns: { topic: { config: topicArn } } }
        responses: { '202': { description: Sent. } }
    /events:
      post:
        operationId: putEvent
        parameters: [{ name: X-Event-Type, in: header, required: true, schema: { type: string } }]
        x-gateway: { eventbridge: { bus: { config: busName }, source: com.example.shop, detailType: $request.header.X-Event-Type } }
        responses: { '202': { description: Accepted. } }
    /records:
      post:
        operationId: putRecord
        x-gateway: { kinesis: { stream: { config: streamName }, partitionKey: $request.body.deviceId } }
        responses: { '202': { description: Recorded. } }
    /items:
      get:
        operationId: listItems
        x-gateway: { dynamodb: { table: { config: itemsTable }, action: Scan } }
        responses: { '200': { description: All items., content: { application/json: { schema: { type: object, properties: { items: { type: array, items: { $ref: '#/components/schemas/Item' } } } } } } } }
    /items/{itemId}:
      parameters: [{ name: itemId, in: path, required: true, schema: { type: string } }]
      get:
        operationId: getItem
        x-gateway: { dynamodb: { table: { config: itemsTable } } }
        responses: { '200': { description: The item., content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } } }
      put:
        operationId: putItem
        requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
        x-gateway: { dynamodb: { table: { config: itemsTable }, action: PutItem } }
        responses: { '204': { description: Stored. } }
      patch:
        operationId: updateItem
        requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/ItemPatch' } } } }
        x-gateway: { dynamodb: { table: { config: itemsTable }, action: UpdateItem } }
        responses: { '200': { description: The updated item., content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } } }
      delete:
        operationId: deleteItem
        x-gateway: { dynamodb: { table: items, action: DeleteItem } }
        responses: { '204': { description: Deleted. } }
    /things/{thingId}:
      parameters: [{ name: thingId, in: path, required: true, schema: { type: string } }]
      get:
        operationId: getThing
        x-gateway: { dynamodb: { table: things } }
        responses: { '200': { description: The thing., content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } } }
      put:
        operationId: putThing
        requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
        x-gateway: { dynamodb: { table: things, action: PutItem } }
        responses: { '204': { description: Stored. } }
      post:
        operationId: putOdd
        requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Odd' } } } }
        x-gateway: { dynamodb: { table: things, action: PutItem } }
        responses: { '204': { description: Stored. } }
    /customers/{customerId}/orders:
      parameters: [{ name: customerId, in: path, required: true, schema: { type: integer } }]
      get:
        operationId: listOrders
        x-gateway: { dynamodb: { table: orders, action: Query, key: { customer: $request.path.customerId, region: eu } } }
        responses: { '200': { description: Orders., content: { application/json: { schema: { type: array, items: { type: object, properties: { orderId: { type: string } } } } } } } }
    /firehose:
      post:
        operationId: putFirehose
        x-gateway: { aws: { service: firehose, action: PutRecord, resource: { config: itemsTable } } }
        responses: { '200': { description: Sent. } }
`;

const result = build(createMemoryHost({ "api.yaml": SPEC, "README.md": "" }), "api.yaml", { out: "out" });
const doc = JSON.parse(fileOf(result.files, "openapi.aws.json")) as Json;
writeCase("aws-services", result.files);
const typeCheck = startTypeCheck(["aws-services"]);

/** The operation object of `method` on `path`. */
function operationAt(path: string, method: string): Json {
  const operation = doc.paths[path]?.[method];
  if (operation === undefined) throw new Error(`no ${method} ${path}`);
  return operation as Json;
}

function integrationAt(path: string, method: string): Json {
  return operationAt(path, method)["x-amazon-apigateway-integration"] as Json;
}

/** `template` with its placeholders replaced as the program replaces them (encoded as their attribute asks). */
function resolve(template: string, config: Readonly<Record<string, string>> = CONFIG): string {
  let text = template;
  for (const p of findPlaceholders(template)) {
    const value = config[p.name] ?? "";
    text = text.split(p.token).join(p.attribute === "url" || p.attribute === "queuePath" ? encodePlaceholderValue(p.attribute, value) : value);
  }
  return text;
}

/** Renders the request template of `path`/`method` (its only media type or `mediaType`) against `input`. */
function request(path: string, method: string, input: TemplateInput, config?: Readonly<Record<string, string>>, mediaType = "application/json"): string {
  const template = resolve(integrationAt(path, method).requestTemplates[mediaType] as string, config);
  assert.equal(lintTemplate(template), [], `${method} ${path}`);
  return renderTemplate(template, input).output;
}

/**
 * Renders the response template of the integration response `key` of `path`/`method` on the service's `body`: the
 * output (without the line break a closing `#end` leaves) and the status it sets.
 */
function response(path: string, method: string, key: string, body: string) {
  const template = integrationAt(path, method).responses[key].responseTemplates["application/json"] as string;
  const rendered = renderTemplate(template, { body, kind: "response" });
  return { output: rendered.output.trim(), status: rendered.overrides.response.status };
}

/** A form body as its parameters (`URLSearchParams` decodes like Java's `URLDecoder`). */
function form(text: string): Record<string, string> {
  assert.ok(/^[A-Za-z0-9._*%+&=-]*$/.test(text), `a form body holds only form-encoded text: ${JSON.stringify(text)}`);
  return Object.fromEntries(new URLSearchParams(text));
}

/** Strings that break templates written without care: quotes, backslashes, line breaks, VTL, markup, unicode. */
const HOSTILE: readonly string[] = [
  "plain text",
  "",
  `quote " and ' apostrophe, \\' escaped`,
  "back\\slash \\\\ \\u0041 \\n \\",
  "new\nline\r\ttab \u000b\u0001",
  "$dollar ${x} $input.body $util.urlDecode('%41') $context.requestId #set($x = 1) #if(true)yes#end ## comment #* block *# #[[raw]]#",
  "</script><b>&amp;</b>",
  "unicode é 漢字 😀 \u2028\u2029 \u00a0",
  "%41+%2B&a=b;c|d",
];

test("the spec builds without errors, and only the generic firehose call is reported as not deployed", () => {
  assert.is(result.errorCount, 0, result.diagnostics.map((d) => d.message).join("\n"));
  const notEmitted = result.diagnostics.filter((d) => d.code === "not-emitted");
  assert.is(notEmitted.length, 1);
  assert.match(notEmitted[0]?.message ?? "", /AWS-service integration Portico builds none for/);
  assert.is(notEmitted[0]?.origin.pointer, "/paths/~1firehose/post/x-gateway/aws");
});

test("S3 GetObject: the bucket in the URI, the key mapped from the path, the object passed through with its Content-Type", () => {
  const integration = integrationAt("/photos/{photoId}", "get");
  assert.equal(integration, {
    type: "aws",
    httpMethod: "GET",
    uri: "arn:${AWS::Partition}:apigateway:${AWS::Region}:s3:path/photos-bucket/{key}",
    credentials: "${portico:role:get-photo}",
    requestParameters: { "integration.request.path.key": "method.request.path.photoId" },
    passthroughBehavior: "when_no_match",
    responses: {
      default: { statusCode: "200", responseParameters: { "method.response.header.Content-Type": "integration.response.header.Content-Type" } },
      "40[34]": { statusCode: "404", responseTemplates: { "application/json": '{"message": "Not found"}' } },
      "4(0[0-25-9]|[1-9]\\d)": { statusCode: "400", responseTemplates: { "application/json": '{"message": "Bad request"}' } },
      "5\\d{2}": { statusCode: "502", responseTemplates: { "application/json": '{"message": "Bad gateway"}' } },
    },
  });
  const responses = operationAt("/photos/{photoId}", "get").responses;
  assert.equal(Object.keys(responses).sort(), ["200", "400", "404", "502"]);
  assert.equal(responses["200"].headers, { "Content-Type": { schema: { type: "string" } } });
  // The selection patterns split the statuses S3 answers with, and none matches a success.
  const patterns = ["40[34]", "4(0[0-25-9]|[1-9]\\d)", "5\\d{2}"].map((p) => new RegExp(`^(?:${p})$`));
  for (let status = 200; status < 600; status++) {
    const matching = patterns.filter((p) => p.test(String(status))).length;
    assert.is(matching, status >= 400 ? 1 : 0, String(status));
  }
});

test("S3 PutObject and DeleteObject: a config bucket, the Content-Type passed on and declared, a literal key encoded into the URI", () => {
  const put = integrationAt("/photos/{photoId}", "put");
  assert.is(put.httpMethod, "PUT");
  assert.is(put.uri, "arn:${AWS::Partition}:apigateway:${AWS::Region}:s3:path/${portico:config:photosBucket}/{key}");
  assert.equal(put.requestParameters, {
    "integration.request.header.Content-Type": "method.request.header.Content-Type",
    "integration.request.path.key": "method.request.path.photoId",
  });
  assert.is(put.requestTemplates, undefined, "the image passes through untouched");
  assert.is(put.responses.default.statusCode, "204");
  assert.equal(operationAt("/photos/{photoId}", "put").parameters, [
    { in: "path", name: "photoId", required: true, schema: { type: "string" } },
    { in: "header", name: "Content-Type", required: false, schema: { type: "string" } },
  ]);
  const del = integrationAt("/legal/terms", "delete");
  assert.is(del.httpMethod, "DELETE");
  assert.is(del.uri, "arn:${AWS::Partition}:apigateway:${AWS::Region}:s3:path/legal-docs/terms/v%201.pdf");
  assert.is(del.requestParameters, undefined);
  assert.is(del.responses.default.statusCode, "204");
  assert.is(del.responses["4\\d{2}"].statusCode, "400");
});

test("SQS SendMessage: the queue path from a URL (deploy time) or a name, a form body holding the request body as sent", () => {
  const integration = integrationAt("/messages", "post");
  assert.is(integration.uri, "arn:${AWS::Partition}:apigateway:${AWS::Region}:sqs:path/${portico:config:queueUrl:queuePath}");
  assert.is(resolve(integration.uri), "arn:${AWS::Partition}:apigateway:${AWS::Region}:sqs:path/123456789012/orders");
  assert.is(integrationAt("/messages/by-name", "post").uri, "arn:${AWS::Partition}:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/orders");
  assert.is(integration.httpMethod, "POST");
  assert.equal(integration.requestParameters, { "integration.request.header.Content-Type": "'application/x-www-form-urlencoded'" });
  assert.equal(Object.keys(integration.requestTemplates), ["application/json", "text/plain"]);
  assert.is(integration.requestTemplates["application/json"], "Action=SendMessage&MessageBody=$util.urlEncode($input.body)");
  assert.is(integration.passthroughBehavior, "never");
  for (const text of HOSTILE) {
    const body = JSON.stringify({ note: text });
    assert.equal(form(request("/messages", "post", { body })), { Action: "SendMessage", MessageBody: body });
    assert.equal(form(request("/messages", "post", { body: text }, CONFIG, "text/plain")), { Action: "SendMessage", MessageBody: text === "" ? "{}" : text });
  }
  assert.equal(form(request("/messages", "post", { body: null })), { Action: "SendMessage", MessageBody: "{}" }, "API Gateway reads no body as {}");
});

test("SQS and SNS answer 202 with the message id, and a failed call with its status and a fixed message", () => {
  const sent = '{"SendMessageResponse":{"SendMessageResult":{"MD5OfMessageBody":"x","MessageId":"m-1\\"2"},"ResponseMetadata":{"RequestId":"r"}}}';
  assert.equal(JSON.parse(response("/messages", "post", "default", sent).output), { messageId: 'm-1"2' });
  assert.is(integrationAt("/messages", "post").responses.default.statusCode, "202");
  assert.is(integrationAt("/messages/by-name", "post").responses.default.statusCode, "200", "the status the operation declares");
  const published = '{"PublishResponse":{"PublishResult":{"MessageId":"p-1"},"ResponseMetadata":{"RequestId":"r"}}}';
  assert.equal(JSON.parse(response("/alerts", "post", "default", published).output), { messageId: "p-1" });
  const failed = (code: string) => response("/messages", "post", "4\\d{2}", JSON.stringify({ Error: { Code: code, Message: "secret details" }, RequestId: "r" }));
  assert.equal(failed("AWS.SimpleQueueService.NonExistentQueue"), { output: '{"message": "Internal server error"}', status: 500 });
  assert.equal(failed("RequestThrottled"), { output: '{"message": "Too many requests"}', status: 429 });
  assert.equal(failed("InvalidParameterValue"), { output: '{"message": "Bad request"}', status: undefined });
  assert.equal(response("/messages", "post", "4\\d{2}", "<ErrorResponse><Error><Code>AccessDenied</Code></Error></ErrorResponse>").status, undefined, "an XML error body answers 400");
  assert.equal(response("/messages", "post", "5\\d{2}", "").output, '{"message": "Bad gateway"}');
  const statuses = Object.keys(operationAt("/messages", "post").responses).sort();
  assert.equal(statuses, ["202", "400", "429", "500", "502"], "every status the integration answers has a method response");
});

test("SNS Publish: the topic ARN (deploy time, percent-encoded) and the request body as the message", () => {
  const integration = integrationAt("/alerts", "post");
  assert.is(integration.uri, "arn:${AWS::Partition}:apigateway:${AWS::Region}:sns:action/Publish");
  assert.equal(integration.requestParameters, { "integration.request.header.Content-Type": "'application/x-www-form-urlencoded'" });
  assert.is(integration.requestTemplates["application/json"], "Action=Publish&TopicArn=${portico:config:topicArn:url}&Message=$util.urlEncode($input.body)");
  for (const text of HOSTILE) {
    const topicArn = `arn:aws:sns:us-east-1:123456789012:${text}`;
    const body = JSON.stringify({ text });
    assert.equal(form(request("/alerts", "post", { body }, { topicArn })), { Action: "Publish", TopicArn: topicArn, Message: body });
  }
});

test("EventBridge PutEvents: the JSON 1.1 target, one entry with the body as Detail and a header as DetailType", () => {
  const integration = integrationAt("/events", "post");
  assert.is(integration.uri, "arn:${AWS::Partition}:apigateway:${AWS::Region}:events:action/PutEvents");
  assert.equal(integration.requestParameters, {
    "integration.request.header.Content-Type": "'application/x-amz-json-1.1'",
    "integration.request.header.X-Amz-Target": "'AWSEvents.PutEvents'",
  });
  for (const text of HOSTILE) {
    const body = JSON.stringify({ orderId: text, lines: [{ sku: text, quantity: 2 }] });
    const output = request("/events", "post", { body, headers: { "X-Event-Type": text } });
    assert.equal(JSON.parse(output), {
      Entries: [{ Source: "com.example.shop", DetailType: text, Detail: body, EventBusName: CONFIG["busName"] }],
    }, JSON.stringify(text));
  }
  assert.equal(JSON.parse(request("/events", "post", { body: "{}" })).Entries[0].DetailType, "", "a missing header is empty text");
});

test("EventBridge answers 202 with the event id, and 502 (429 when throttled) when its entry failed", () => {
  assert.equal(response("/events", "post", "default", '{"Entries":[{"EventId":"e-1"}],"FailedEntryCount":0}'), { output: '{"eventId": "e-1"}', status: undefined });
  const failed = (code: string) => response("/events", "post", "default", JSON.stringify({ Entries: [{ ErrorCode: code, ErrorMessage: "x" }], FailedEntryCount: 1 }));
  assert.equal(failed("InternalFailure"), { output: '{"message": "Bad gateway"}', status: 502 });
  assert.equal(failed("ThrottlingException"), { output: '{"message": "Too many requests"}', status: 429 });
  assert.equal(Object.keys(operationAt("/events", "post").responses).sort(), ["202", "400", "429", "500", "502"]);
});

test("Kinesis PutRecord: the stream by ARN or name, the body base64-encoded, the partition key from the body", () => {
  const integration = integrationAt("/records", "post");
  assert.is(integration.uri, "arn:${AWS::Partition}:apigateway:${AWS::Region}:kinesis:action/PutRecord");
  assert.equal(integration.requestParameters, { "integration.request.header.Content-Type": "'application/x-amz-json-1.1'" });
  for (const text of HOSTILE) {
    const body = JSON.stringify({ deviceId: text, reading: 21.5 });
    const output = JSON.parse(request("/records", "post", { body }));
    assert.equal(output, { StreamARN: CONFIG["streamName"], Data: Buffer.from(body, "utf8").toString("base64"), PartitionKey: text });
    assert.is(Buffer.from(output.Data, "base64").toString("utf8"), body);
  }
  const byName = JSON.parse(request("/records", "post", { body: '{"deviceId":7}' }, { streamName: "scans" }));
  assert.equal(byName, { StreamName: "scans", Data: Buffer.from('{"deviceId":7}').toString("base64"), PartitionKey: "7" }, "a number is its text");
  assert.equal(
    JSON.parse(response("/records", "post", "default", '{"SequenceNumber":"4959","ShardId":"shardId-000000000001"}').output),
    { sequenceNumber: "4959", shardId: "shardId-000000000001" },
  );
});

test("DynamoDB GetItem: the table and the key from the path; the item converted by the response schema, 404 without one", () => {
  const integration = integrationAt("/items/{itemId}", "get");
  assert.is(integration.uri, "arn:${AWS::Partition}:apigateway:${AWS::Region}:dynamodb:action/GetItem");
  assert.is(integration.httpMethod, "POST");
  assert.is(integration.requestParameters, undefined);
  for (const text of HOSTILE) {
    const output = request("/items/{itemId}", "get", { body: null, path: { itemId: text } }, { itemsTable: text });
    assert.equal(JSON.parse(output), { TableName: text, Key: { itemId: { S: text } } }, JSON.stringify(text));
  }
  const item = {
    itemId: { S: "i-1" },
    name: { S: HOSTILE[5] },
    price: { N: "12.50" },
    inStock: { BOOL: false },
    tags: { L: [{ S: "a\"b" }, { S: "</c>" }] },
    size: { M: { width: { N: "3" }, unit: { S: "cm" } } },
    extra: { M: { any: { S: "thing" } } },
    notInSchema: { S: "left out" },
  };
  const found = response("/items/{itemId}", "get", "default", JSON.stringify({ Item: item }));
  assert.is(found.status, undefined);
  assert.equal(JSON.parse(found.output), {
    itemId: "i-1",
    name: HOSTILE[5],
    price: 12.5,
    inStock: false,
    tags: ['a"b', "</c>"],
    size: { width: 3, unit: "cm" },
    extra: { M: { any: { S: "thing" } } },
  });
  const drifted = response("/items/{itemId}", "get", "default", JSON.stringify({ Item: { name: { N: "1" }, tags: { S: "x" }, extra: { N: "2" } } }));
  assert.equal(JSON.parse(drifted.output), { name: null, tags: null, extra: 2 }, "an attribute of another type is null; `any` takes it as it is");
  assert.equal(response("/items/{itemId}", "get", "default", "{}"), { output: '{"message": "Not found"}', status: 404 });
  assert.ok(operationAt("/items/{itemId}", "get").responses["404"], "the status the template answers has a method response");
});

test("DynamoDB PutItem: the key from the path, then the body's declared properties by their types", () => {
  for (const text of HOSTILE) {
    const body = JSON.stringify({ itemId: "ignored", name: text, price: 10.25, inStock: true, tags: [text, "b"], size: { width: 4, unit: text }, extra: { nested: [1, text] }, unknown: text });
    const output = JSON.parse(request("/items/{itemId}", "put", { body, path: { itemId: text } }));
    const { extra, ...declared } = output.Item;
    assert.equal({ ...output, Item: declared }, {
      TableName: CONFIG["itemsTable"],
      Item: {
        itemId: { S: text },
        name: { S: text },
        price: { N: "10.25" },
        inStock: { BOOL: true },
        tags: { L: [{ S: text }, { S: "b" }] },
        size: { M: { width: { N: "4" }, unit: { S: text } } },
      },
    }, JSON.stringify(text));
    assert.equal(JSON.parse(extra.S), { nested: [1, text] }, "a value without a schema: an object is its JSON text");
  }
  const partial = JSON.parse(request("/items/{itemId}", "put", { body: '{"name":"only","extra":null}', path: { itemId: "i" } }));
  assert.equal(partial.Item, { itemId: { S: "i" }, name: { S: "only" }, extra: { NULL: true } }, "absent properties are left out");
  const scalars = JSON.parse(request("/items/{itemId}", "put", { body: '{"extra":"s"}', path: { itemId: "i" } })).Item.extra;
  assert.equal(scalars, { S: "s" });
  assert.equal(JSON.parse(request("/items/{itemId}", "put", { body: '{"extra":2.5}', path: { itemId: "i" } })).Item.extra, { N: "2.5" });
  assert.equal(JSON.parse(request("/items/{itemId}", "put", { body: '{"extra":false}', path: { itemId: "i" } })).Item.extra, { BOOL: false });
  const put = integrationAt("/items/{itemId}", "put");
  assert.is(put.responses.default.statusCode, "204");
  assert.is(renderTemplate(put.responses.default.responseTemplates["application/json"], { body: "{}", kind: "response" }).output, "", "a 204 has no body");
});

test("DynamoDB UpdateItem: SET of the properties the body holds (allOf merged), on an existing item, answering the new item", () => {
  for (const text of HOSTILE) {
    const output = JSON.parse(request("/items/{itemId}", "patch", { body: JSON.stringify({ name: text, price: 3 }), path: { itemId: text } }));
    assert.equal(output, {
      TableName: "items",
      Key: { itemId: { S: text } },
      ConditionExpression: "attribute_exists(#k0)",
      UpdateExpression: "SET #a0 = :a0, #a1 = :a1",
      ExpressionAttributeNames: { "#k0": "itemId", "#a0": "name", "#a1": "price" },
      ExpressionAttributeValues: { ":a0": { S: text }, ":a1": { N: "3" } },
      ReturnValues: "ALL_NEW",
    }, JSON.stringify(text));
  }
  const priceOnly = JSON.parse(request("/items/{itemId}", "patch", { body: '{"price":1}', path: { itemId: "i" } }));
  assert.is(priceOnly.UpdateExpression, "SET #a1 = :a1");
  assert.equal(priceOnly.ExpressionAttributeNames, { "#k0": "itemId", "#a1": "price" });
  assert.equal(priceOnly.ExpressionAttributeValues, { ":a1": { N: "1" } });
  const updated = response("/items/{itemId}", "patch", "default", '{"Attributes":{"itemId":{"S":"i"},"price":{"N":"1"}}}');
  assert.equal(JSON.parse(updated.output), { itemId: "i", price: 1 });
  const missing = response("/items/{itemId}", "patch", "4\\d{2}", '{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}');
  assert.equal(missing, { output: '{"message": "Not found"}', status: 404 });
});

test("DynamoDB DeleteItem, Query and Scan: a literal table, a key setting (a number from an integer parameter, a literal), the items", () => {
  const deleted = JSON.parse(request("/items/{itemId}", "delete", { body: null, path: { itemId: "i-9" } }));
  assert.equal(deleted, { TableName: "items", Key: { itemId: { S: "i-9" } } });
  const query = JSON.parse(request("/customers/{customerId}/orders", "get", { body: null, path: { customerId: "42" } }));
  assert.equal(query, {
    TableName: "orders",
    KeyConditionExpression: "#k0 = :k0 AND #k1 = :k1",
    ExpressionAttributeNames: { "#k0": "customer", "#k1": "region" },
    ExpressionAttributeValues: { ":k0": { N: "42" }, ":k1": { S: "eu" } },
  });
  const items = '{"Items":[{"orderId":{"S":"o-1"},"x":{"S":"y"}},{"orderId":{"S":"o\\"2"}}],"Count":2}';
  assert.equal(JSON.parse(response("/customers/{customerId}/orders", "get", "default", items).output), [{ orderId: "o-1" }, { orderId: 'o"2' }]);
  assert.equal(JSON.parse(response("/customers/{customerId}/orders", "get", "default", '{"Items":[],"Count":0}').output), []);
  assert.equal(JSON.parse(request("/items", "get", { body: null })), { TableName: CONFIG["itemsTable"] });
  const scanned = response("/items", "get", "default", '{"Items":[{"itemId":{"S":"a"},"tags":{"L":[]}}]}');
  assert.equal(JSON.parse(scanned.output), { items: [{ itemId: "a", tags: [] }] });
});

test("DynamoDB: property names VTL, JSON or JSONPath would read are escaped; a name no path can address leaves its object as it is", () => {
  const thing = { $type: "T", "a b": 1.5, "#h": true, 'q"': HOSTILE[5], ü: "ü", $list: ["x"], list: [{ "x y": "z" }] };
  const put = JSON.parse(request("/things/{thingId}", "put", { body: JSON.stringify(thing), path: { thingId: "t" } }));
  assert.equal(put.Item, {
    thingId: { S: "t" },
    $type: { S: "T" },
    "a b": { N: "1.5" },
    "#h": { BOOL: true },
    'q"': { S: HOSTILE[5] },
    ü: { S: "ü" },
    $list: { S: '["x"]' },
    list: { L: [{ M: { "x y": { S: "z" } } }] },
  });
  const item = { $type: { S: "T" }, "a b": { N: "2" }, "#h": { BOOL: false }, 'q"': { S: "</q>" }, ü: { S: "ü" }, $list: { L: [{ S: "x" }] }, list: { L: [{ M: { "x y": { S: "z" } } }] } };
  const got = JSON.parse(response("/things/{thingId}", "get", "default", JSON.stringify({ Item: item })).output);
  assert.equal(got, { $type: "T", "a b": 2, "#h": false, 'q"': "</q>", ü: "ü", $list: { L: [{ S: "x" }] }, list: [{ "x y": "z" }] });
  const odd = JSON.parse(request("/things/{thingId}", "post", { body: JSON.stringify({ "it's": { S: "v" } }), path: { thingId: "t" } }));
  assert.equal(odd.Item, { "it's": { S: "v" } }, "without a usable schema the body is the item");
});

test("DynamoDB errors: throttling 429, a missing table 500, a validation error 400, a 5XX 502", () => {
  const failed = (type: string) => response("/items/{itemId}", "get", "4\\d{2}", JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: "table items" }));
  assert.equal(failed("ProvisionedThroughputExceededException"), { output: '{"message": "Too many requests"}', status: 429 });
  assert.equal(failed("ThrottlingException"), { output: '{"message": "Too many requests"}', status: 429 });
  assert.equal(failed("ResourceNotFoundException"), { output: '{"message": "Internal server error"}', status: 500 });
  assert.equal(failed("AccessDeniedException"), { output: '{"message": "Internal server error"}', status: 500 });
  assert.equal(failed("ValidationException"), { output: '{"message": "Bad request"}', status: undefined });
  assert.equal(failed("ConditionalCheckFailedException").status, undefined, "only UpdateItem reads it as a missing item");
  assert.equal(response("/items/{itemId}", "get", "5\\d{2}", "{}").output, '{"message": "Bad gateway"}');
});

test("every generated template lints clean (once the program has filled its placeholders in)", () => {
  for (const item of Object.values<Json>(doc.paths)) {
    for (const operation of Object.values<Json>(item)) {
      const integration = operation["x-amazon-apigateway-integration"] as Json | undefined;
      const templates = [
        ...Object.values<string>(integration?.requestTemplates ?? {}),
        ...Object.values<Json>(integration?.responses ?? {}).flatMap((r) => Object.values<string>(r.responseTemplates ?? {})),
      ];
      for (const template of templates) assert.equal(lintTemplate(resolve(template)), [], template);
    }
  }
});

test("under mocks, each role may call exactly its action on its resource, and the body gets every placeholder", async () => {
  const resources = await runUnderMocks("aws-services", { project: createNames(result.model!).project, stack: "prod", config: CONFIG });
  const policy = (name: string) => JSON.parse(resourceOf(resources, "aws:iam/rolePolicy:RolePolicy", `integration-${name}`).inputs.policy as string).Statement;
  const allow = (Action: string, Resource: string) => [{ Effect: "Allow", Action, Resource }];
  const account = "arn:aws:dynamodb:us-east-1:123456789012";
  assert.equal(policy("get-photo"), allow("s3:GetObject", "arn:aws:s3:::photos-bucket/*"));
  assert.equal(policy("put-photo"), allow("s3:PutObject", "arn:aws:s3:::photos-prod/*"));
  assert.equal(policy("delete-terms"), allow("s3:DeleteObject", "arn:aws:s3:::legal-docs/*"), "an object action on the bucket's objects");
  assert.equal(policy("send-message"), allow("sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:orders"));
  assert.equal(policy("send-by-name"), allow("sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:orders"));
  assert.equal(policy("raise-alert"), allow("sns:Publish", CONFIG["topicArn"] as string));
  assert.equal(policy("put-event"), allow("events:PutEvents", `arn:aws:events:us-east-1:123456789012:event-bus/${CONFIG["busName"]}`));
  assert.equal(policy("put-record"), allow("kinesis:PutRecord", CONFIG["streamName"] as string));
  assert.equal(policy("get-item"), allow("dynamodb:GetItem", `${account}:table/items`));
  assert.equal(policy("put-item"), allow("dynamodb:PutItem", `${account}:table/items`));
  assert.equal(policy("update-item"), allow("dynamodb:UpdateItem", `${account}:table/items`));
  assert.equal(policy("delete-item"), allow("dynamodb:DeleteItem", `${account}:table/items`));
  assert.equal(policy("list-items"), allow("dynamodb:Scan", `${account}:table/items`));
  assert.equal(policy("list-orders"), allow("dynamodb:Query", `${account}:table/orders`));
  const body = JSON.parse(resourceOf(resources, "aws:apigateway/restApi:RestApi", "api").inputs.body as string) as Json;
  assert.not.match(JSON.stringify(body), /\$\{portico:/);
  assert.is(body.paths["/messages"].post["x-amazon-apigateway-integration"].uri, "arn:${AWS::Partition}:apigateway:${AWS::Region}:sqs:path/123456789012/orders");
  // The program encodes config values as the document asks, as encodePlaceholderValue does.
  const events = body.paths["/events"].post["x-amazon-apigateway-integration"].requestTemplates["application/json"] as string;
  assert.is(JSON.parse(renderTemplate(events, { body: "{}" }).output).Entries[0].EventBusName, CONFIG["busName"]);
  const alert = body.paths["/alerts"].post["x-amazon-apigateway-integration"].requestTemplates["application/json"] as string;
  assert.is(form(renderTemplate(alert, { body: "{}" }).output)["TopicArn"], CONFIG["topicArn"]);
  assert.is(await typeCheck, "");
});

test("encoded config tokens: found with their attribute; queue paths from a URL, an ARN and a name; url encoding leaves only unreserved characters", () => {
  const tokens = findPlaceholders(`${configToken("a:b", "url")} ${configToken("q", "queuePath")} ${configToken("a:b")}`);
  assert.equal(tokens.map((p) => [p.token, p.name, p.attribute]), [
    ["${portico:config:a%3Ab:url}", "a:b", "url"],
    ["${portico:config:a%3Ab}", "a:b", undefined],
    ["${portico:config:q:queuePath}", "q", "queuePath"],
  ]);
  assert.is(encodePlaceholderValue("queuePath", "https://sqs.eu-west-1.amazonaws.com/123456789012/q.fifo"), "123456789012/q.fifo");
  assert.is(encodePlaceholderValue("queuePath", "arn:aws:sqs:eu-west-1:123456789012:q"), "123456789012/q");
  assert.is(encodePlaceholderValue("queuePath", "q"), "${AWS::AccountId}/q");
  for (const text of HOSTILE) {
    const encoded = encodePlaceholderValue("url", text);
    assert.match(encoded, /^[A-Za-z0-9._~%-]*$/);
    assert.is(decodeURIComponent(encoded), text);
  }
});

test.run();

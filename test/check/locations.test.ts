/** Wording of structural diagnostics: places in user terms, and "did you mean" suggestions. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { describeLocation } from "../../compiler/parse/describe-location.js";
import { closestName, didYouMean } from "../../compiler/parse/did-you-mean.js";

const doc = {
  paths: { "/pets/{id}": { get: { parameters: [{ in: "query" }] } } },
  components: { schemas: { Pet: {} } },
};

test("describeLocation names the nearest object the author knows", () => {
  const cases: [string, string][] = [
    ["", "the document"],
    ["/info/title", "info.title"],
    ["/paths", "paths"],
    ["/paths/~1pets~1{id}", "path /pets/{id}"],
    ["/paths/~1pets~1{id}/get", "operation GET /pets/{id}"],
    ["/paths/~1pets~1{id}/get/x-gateway", "x-gateway of operation GET /pets/{id}"],
    ["/paths/~1pets~1{id}/get/x-gateway/cache/ttl", "x-gateway.cache.ttl of operation GET /pets/{id}"],
    ["/paths/~1pets~1{id}/get/parameters/0/in", "parameters[0].in of operation GET /pets/{id}"],
    ["/paths/~1pets~1{id}/x-gateway", "x-gateway of path /pets/{id}"],
    ["/paths/~1pets~1{id}/x-gateway/any/http", "http of operation ANY /pets/{id}"],
    ["/paths/~1a/get/responses/200/content/application~1json", 'responses.200.content["application/json"] of operation GET /a'],
    ["/x-gateway/api", "x-gateway.api"],
    ["/x-gateway/stages/dev/logging/level", "logging.level of stage dev"],
    ["/x-gateway/functions/pets", "function pets"],
    ["/x-gateway/usagePlans/free/quota", "quota of usage plan free"],
    ["/x-gateway/websocket/routes/$connect/auth", "auth of WebSocket route $connect"],
    ["/x-gateway/websocket/serverMessages", "x-gateway.websocket.serverMessages"],
    ["/components/schemas/Pet/properties/id", "properties.id of schema Pet"],
    ["/components/securitySchemes/users/x-gateway/jwt", "x-gateway.jwt of security scheme users"],
    ["/components/requestBodies/NewPet", "request body NewPet"],
    ["/webhooks/newPet/post/responses", "responses of webhook newPet POST"],
    ["/x-amazon-apigateway-cors/maxAge", "x-amazon-apigateway-cors.maxAge"],
  ];
  for (const [pointer, expected] of cases) assert.is(describeLocation(doc, pointer), expected, pointer);
});

test("closestName suggests near misses only", () => {
  const keys = ["lambda", "http", "mock", "stepfunctions", "timeout", "throttle"];
  assert.is(closestName("lamda", keys), "lambda");
  assert.is(closestName("Lambda", keys), "lambda");
  assert.is(closestName("step-functions", keys), "stepfunctions");
  assert.is(closestName("timout", keys), "timeout");
  assert.is(closestName("database", keys), undefined);
  assert.is(closestName("lambda", keys), undefined, "an exact name is not a typo");
  assert.is(closestName("ab", ["cd"]), undefined, "a complete rewrite is not a suggestion");
  assert.is(didYouMean("htpp", keys), " Did you mean 'http'?");
  assert.is(didYouMean("zzz", keys), "");
});

test.run();

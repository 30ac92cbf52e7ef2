import { test } from "uvu";
import * as assert from "uvu/assert";
import { pathSegmentRules } from "../../compiler/validate/rules/path-segments.js";
import { at, found, model, operation, run } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const paths = (kind: "rest" | "http", ...ps: string[]) => model({ kind, operations: ps.map((path) => operation({ path })) });

test("a segment mixing variables and text is reported on REST and HTTP, with the proxy prefix in the fix", () => {
  const rest = run(pathSegmentRules, paths("rest", "/repos/{owner}/compare/{base}...{head}", "/a{id}"));
  assert.equal(
    rest.map((d) => [d.code, d.origin.pointer, d.part]),
    [
      ["path-segment-mixed", "/paths/~1repos~1{owner}~1compare~1{base}...{head}", "key"],
      ["path-segment-mixed", "/paths/~1a{id}", "key"],
    ],
  );
  assert.match(rest[0]?.message ?? "", /REST APIs need each variable to be a whole segment\. .*proxyResources: \[\/repos\/\{owner\}\/compare\]/);
  assert.equal(found(pathSegmentRules, paths("http", "/a{id}")).map((f) => f.code), ["path-segment-mixed"]);
});

test("characters a REST path part does not accept are reported on REST only", () => {
  const d = found(pathSegmentRules, paths("rest", "/caf%C3%A9", "/a b", "/{id", "/{}"));
  assert.equal(d.map((f) => f.code), ["path-segment-invalid", "path-segment-invalid", "path-segment-invalid", "path-segment-invalid"]);
  assert.equal(found(pathSegmentRules, paths("http", "/caf%C3%A9")), []);
});

test("plain, variable, greedy and punctuated segments, and any path under proxyResources, pass", () => {
  assert.equal(found(pathSegmentRules, paths("rest", "/", "/v1.2/pets,all/{id}/a:b/under_score-dash", "/files/{key+}")), []);
  const proxied = model({
    operations: [operation({ path: "/repos/{owner}/compare/{base}...{head}" }), operation({ path: "/repos/caf%C3%A9" })],
    proxyResources: [{ prefix: "/repos", origin: at("/x-gateway/proxyResources/0") }],
  });
  assert.equal(found(pathSegmentRules, proxied), []);
});

test("end to end: each bad path key", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    paths:
      /a{id}:
        get:
          responses: { "200": { description: ok } }
      /caf%C3%A9:
        get:
          responses: { "200": { description: ok } }
  `;
  assert.equal(diagnose(spec, pathSegmentRules.codes), [
    { code: "path-segment-mixed", line: 4, column: 3 },
    { code: "path-segment-invalid", line: 7, column: 3 },
  ]);
});

test.run();

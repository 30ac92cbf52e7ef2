import { test } from "uvu";
import * as assert from "uvu/assert";
import { proxyResourceConflict } from "../../compiler/validate/rules/proxy-resource-conflict.js";
import type { Operation } from "../../compiler/model/types.js";
import { at, found, http, model, operation, requirement, run } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const proxied = (...operations: Operation[]) => model({ proxyResources: [{ prefix: "/repos", origin: at("/x-gateway/proxyResources/0") }], operations });
const httpOp = (path: string, init: Partial<Operation> = {}) =>
  operation({ path, integration: http("https://gh.example.com", at(`/paths/${path.replace(/\//g, "~1")}/get/x-gateway/http`)), integrationKeys: ["http"], ...init });

test("an operation's own Lambda integration under a proxy prefix is reported at its integration key", () => {
  const d = run(proxyResourceConflict, proxied(operation({ path: "/repos/{id}" })));
  assert.equal(d.map((x) => [x.origin.pointer, x.part]), [["/paths/~1repos~1{id}/get/x-gateway/lambda", "key"]]);
  assert.match(d[0]?.message ?? "", /^Operation getreposid under proxy resource \/repos cannot be served through it: its lambda integration would be dropped/);
});

test("security that differs from the first sibling's is reported at the method key", () => {
  const secured = requirement("/paths/~1repos~1b/get/security/0", { keys: [] });
  const d = run(proxyResourceConflict, proxied(httpOp("/repos/a"), httpOp("/repos/b", { security: [secured] })));
  assert.equal(d.map((x) => [x.origin.pointer, x.part]), [["/paths/~1repos~1b/get", "key"]]);
  assert.equal(d[0]?.related, [at("/paths/~1repos~1a/get")]);
  assert.match(d[0]?.message ?? "", /its security \(keys\) differs from getreposa's \(none\)/);
});

test("HTTP proxies with equal security, inherited integrations and paths outside the prefix pass", () => {
  const inherited = operation({ path: "/repos/c", integrationKeys: [] });
  assert.equal(found(proxyResourceConflict, proxied(httpOp("/repos/a"), httpOp("/repos/b"), inherited, operation({ path: "/users" }))), []);
});

test("end to end: the integration key of the operation that would lose it", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    x-gateway:
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
      proxyResources: [/repos]
      defaults:
        integration: { http: { baseUrl: https://github.example.com } }
    paths:
      /repos/{id}:
        get:
          parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
          x-gateway: { public: true }
          responses: { "200": { description: ok } }
        delete:
          parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
          x-gateway: { lambda: pets, public: true }
          responses: { "200": { description: ok } }
  `;
  assert.equal(diagnose(spec, proxyResourceConflict.codes), [{ code: "proxy-resource-conflict", line: 17, column: 20 }]);
});

test.run();

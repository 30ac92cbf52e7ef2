import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  createNames,
  isReservedWord,
  MAX_SLUG_LENGTH,
  pathSlug,
  slug,
  splitConfigKey,
  toIdentifier,
  uniqueSlugs,
  variableName,
} from "../../compiler/model/names.js";
import { codeFunction, lambda, model, operation } from "./fixtures/build.js";
import { petsModel } from "./fixtures/pets.js";

test("slug splits camel case and keeps only [a-z0-9-]", () => {
  assert.is(slug("createPet"), "create-pet");
  assert.is(slug("getHTTPResponse"), "get-http-response");
  assert.is(slug("  Pets API (v2)! "), "pets-api-v2");
  assert.is(slug("ünïcode"), "n-code");
  assert.is(slug("***"), "x");
  assert.is(pathSlug("/pets/{id}"), "pets-id");
  assert.is(pathSlug("/"), "root");
  assert.is(pathSlug("/{proxy+}"), "proxy");
});

test("long slugs are cut and end with a fingerprint of the whole text", () => {
  const a = slug("a".repeat(30) + "-first-operation-of-a-very-long-family");
  const b = slug("a".repeat(30) + "-second-operation-of-a-very-long-family");
  assert.ok(a.length <= MAX_SLUG_LENGTH && b.length <= MAX_SLUG_LENGTH);
  assert.not.equal(a, b);
  assert.match(a, /^[a-z0-9-]+-[0-9a-f]{6}$/);
});

test("uniqueSlugs suffixes only texts whose slug collides, from their own text", () => {
  const first = uniqueSlugs(["/a-b", "/c"]);
  assert.is(first.get("/a-b"), "a-b");
  const second = uniqueSlugs(["/a-b", "/a_b", "/c"]);
  assert.match(second.get("/a-b") ?? "", /^a-b-[0-9a-f]{6}$/);
  assert.match(second.get("/a_b") ?? "", /^a-b-[0-9a-f]{6}$/);
  assert.not.equal(second.get("/a-b"), second.get("/a_b"));
  assert.is(second.get("/c"), "c");
  // The suffix depends on the text only, not on the other members or their order.
  assert.is(uniqueSlugs(["/a_b", "/a-b"]).get("/a-b"), second.get("/a-b"));
});

test("toIdentifier gives valid identifiers and renames reserved words", () => {
  assert.is(toIdentifier("pets-table"), "petsTable");
  assert.is(toIdentifier("2fa"), "_2fa");
  assert.is(toIdentifier("class"), "class_");
  assert.is(toIdentifier("a-b2"), "aB2");
  assert.is(toIdentifier("a-b-2"), "aB_2");
  assert.is(toIdentifier("+"), "_");
  assert.is(variableName("fn", "pets-api"), "fn_petsApi");
  assert.ok(isReservedWord("delete") && isReservedWord("await") && !isReservedWord("pets"));
});

test("splitConfigKey separates a namespace", () => {
  assert.equal(splitConfigKey("petsTable"), { name: "petsTable" });
  assert.equal(splitConfigKey("aws:region"), { namespace: "aws", name: "region" });
});

test("createNames derives the documented resource names", () => {
  const pets = petsModel();
  const names = createNames(pets);
  const op = (id: string) => pets.operations.find((o) => o.id === id)!;
  assert.is(names.project, "pets-api");
  assert.is(names.functionResource("pets"), "fn-pets");
  assert.is(names.permissionResource("pets", "GET", "/pets/{petId}"), "perm-pets-get-pets-pet-id");
  assert.is(names.permissionResource("pets", "ANY", "/files/{proxy+}"), "perm-pets-any-files-proxy");
  assert.is(names.permissionResource("pets", "GET", "/"), "perm-pets-get-root");
  assert.is(names.authorizerPermissionResource("authorize"), "perm-authorize-authorizers");
  assert.is(names.integrationRoleResource(op("createAdoption")), "integration-create-adoption");
  assert.is(names.operationSlug(op("quoteAdoptionFee")), "quote-adoption-fee");
  assert.is(names.usagePlanResource("free"), "plan-free");
  assert.is(names.apiKeyResource("partner-a"), "key-partner-a");
  assert.is(names.usagePlanKeyResource("free", "partner-a"), "plan-free--key-partner-a");
  assert.throws(() => names.functionResource("nope"), /No derived name for function "nope"/);
});

test("permission names stay within what a Lambda statement id allows (100, less Pulumi's 8-character suffix)", () => {
  const fn = "f".repeat(60);
  const path = `/${"segment".repeat(8)}/{${"id".repeat(20)}}`;
  const long = model({ functions: [codeFunction(fn, "backend")], operations: [operation("DELETE", path, "remove", lambda(fn))] });
  const name = createNames(long).permissionResource(fn, "DELETE", path);
  assert.ok(name.length <= 80, `${name} has ${name.length} characters`);
  assert.match(name, /^perm-f+-[0-9a-f]{6}-delete-segment[a-z-]*-[0-9a-f]{6}$/);
});

test("names stay stable when unrelated operations are added, and colliding routes get distinct names", () => {
  const fn = [codeFunction("pets", "./backend")];
  const before = createNames(model({ functions: fn, operations: [operation("GET", "/a-b", "ab", lambda("pets"))] }));
  const after = createNames(
    model({
      functions: fn,
      operations: [operation("GET", "/a-b", "ab", lambda("pets")), operation("GET", "/zzz", "zzz", lambda("pets"))],
    }),
  );
  assert.is(after.permissionResource("pets", "GET", "/a-b"), before.permissionResource("pets", "GET", "/a-b"));
  const clash = createNames(
    model({
      functions: fn,
      operations: [operation("GET", "/a-b", "ab", lambda("pets")), operation("GET", "/a_b", "a_b", lambda("pets"))],
    }),
  );
  const one = clash.permissionResource("pets", "GET", "/a-b");
  const two = clash.permissionResource("pets", "GET", "/a_b");
  assert.not.equal(one, two);
  for (const name of [one, two]) assert.match(name, /^[a-z0-9-]+$/);
});

test.run();

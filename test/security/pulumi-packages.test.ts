/**
 * Where `--strict` takes the Pulumi packages from: the program's folder first (the user ran `npm install` there),
 * else Portico's own install; and always the `@pulumi/pulumi` that `@pulumi/aws` itself loads.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadPulumiPackages } from "../../compiler/security/pulumi-packages.js";

const work = path.resolve("test", ".out", "security-packages");
fs.rmSync(work, { recursive: true, force: true });

/** Writes a stand-in package `name` under `dir/node_modules` whose module is `{ copy }`. */
function fakePackage(dir: string, name: string, copy: string): void {
  const root = path.join(dir, "node_modules", ...name.split("/"));
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ name, version: "0.0.0", main: "index.js" }));
  fs.writeFileSync(path.join(root, "index.js"), `module.exports = { copy: ${JSON.stringify(copy)} };\n`);
}

test("the program's folder first", () => {
  const programDir = path.join(work, "installed", "pulumi");
  fakePackage(programDir, "@pulumi/aws", "aws in the project");
  fakePackage(programDir, "@pulumi/pulumi", "pulumi in the project");
  const found = loadPulumiPackages(programDir);
  assert.equal((found?.modules.get("@pulumi/aws") as { copy: string }).copy, "aws in the project");
  assert.equal((found?.pulumi as unknown as { copy: string }).copy, "pulumi in the project");
  assert.is(found?.modules.get("@pulumi/pulumi"), found?.pulumi);
});

test("the @pulumi/pulumi that @pulumi/aws resolves, so both share one runtime", () => {
  const programDir = path.join(work, "nested", "pulumi");
  fakePackage(programDir, "@pulumi/aws", "aws");
  fakePackage(programDir, "@pulumi/pulumi", "pulumi beside it");
  fakePackage(path.join(programDir, "node_modules", "@pulumi", "aws"), "@pulumi/pulumi", "pulumi inside aws");
  assert.equal((loadPulumiPackages(programDir)?.pulumi as unknown as { copy: string }).copy, "pulumi inside aws");
});

test("else Portico's own install (here: its devDependencies)", () => {
  const found = loadPulumiPackages(path.join(path.parse(work).root, "no-such-folder", "pulumi"));
  assert.type(found?.pulumi.runtime.setMocks, "function");
  assert.ok(found?.modules.has("@pulumi/aws"));
});

test.run();

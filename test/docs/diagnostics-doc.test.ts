/** docs/diagnostics.md lists exactly the codes of the code table, each with its severity. */
import * as fs from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { codes } from "../../compiler/diagnostics/codes.js";

test("docs/diagnostics.md lists every diagnostic code once, with its severity, and no other", () => {
  const text = fs.readFileSync(new URL("../../docs/diagnostics.md", import.meta.url), "utf8");
  const rows = [...text.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning|info) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
  const table = Object.entries(codes).map(([code, entry]) => `${code} ${entry.severity}`);
  assert.equal([...rows].sort(), [...table].sort());
});

test.run();

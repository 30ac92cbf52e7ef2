import { test } from "uvu";
import * as assert from "uvu/assert";
import { helpers, printProgram, sectionStatements } from "../../compiler/emit/pulumi/program.js";
import { Entries, raw, render, resource } from "../../compiler/emit/pulumi/ts.js";

test("render indents nested literals two spaces a level, and every line of nested code with them", () => {
  const inner = render({ a: 1, b: [raw("x"), raw("y")] });
  const text = render(resource("aws.x.Thing", "name", { list: [{ k: "v" }, raw(`wrap(${inner})`)], empty: {} }));
  assert.is(
    text,
    [
      `new aws.x.Thing("name", {`,
      `  list: [`,
      `    {`,
      `      k: "v",`,
      `    },`,
      `    wrap({`,
      `      a: 1,`,
      `      b: [x, y],`,
      `    }),`,
      `  ],`,
      `  empty: {},`,
      `})`,
    ].join("\n"),
  );
});

test("render writes spec text as string literals and spec keys quoted, __proto__ computed", () => {
  const text = render(new Entries([["x-y", "a\nb\"c"], ["__proto__", 1], ["ok", true]]));
  assert.is(text, `{\n  "x-y": "a\\nb\\"c",\n  ["__proto__"]: 1,\n  ok: true,\n}`);
});

test("printProgram: one statement a line, a blank line after a block, section titles after a blank line", () => {
  const statements = [
    "import * as a from \"a\";",
    ...sectionStatements({
      title: "Things",
      statements: [
        { comment: "The first.", declare: { name: "first", exported: true }, expr: { a: 1 } },
        { expr: raw("doIt()") },
        { declare: { name: "typed", type: "string[]" }, expr: ["x"] },
      ],
    }),
    "interface I {\n  readonly a: string;\n}",
    "const after = 1;",
  ];
  assert.is(
    printProgram(statements),
    [
      `import * as a from "a";`,
      ``,
      `// ── Things ──`,
      `// The first.`,
      `export const first = {`,
      `  a: 1,`,
      `};`,
      `doIt();`,
      `const typed: string[] = ["x"];`,
      `interface I {`,
      `  readonly a: string;`,
      `}`,
      ``,
      `const after = 1;`,
      ``,
    ].join("\n"),
  );
});

test("printProgram: no section for an empty one, at most one blank line in a row, one trailing newline", () => {
  assert.equal(sectionStatements({ title: "Nothing", statements: [] }), []);
  assert.is(printProgram(["const a = 1;", "\n\n\n// x", "const b = 2;\n\n"]), "const a = 1;\n\n// x\nconst b = 2;\n");
});

test("helpers: each function after a blank line, with its doc comment and its body indented two spaces", () => {
  const text = printProgram(["const a = 1;", ...helpers(true)]);
  assert.match(text, /^const a = 1;\n\n\/\/ ── Helpers ──\n\n\/\*\* Replaces each placeholder[^\n]*\*\/\nfunction resolvePlaceholders\(template: string, tokens: string\[\], values: string\[\]\): string \{\n {2}const table/);
  assert.match(text, /\n\}\n\n\/\*\* The ARN an IAM policy needs[^\n]*\*\/\nfunction resourceArn\(service: string, resource: pulumi.Input<string>\): pulumi.Output<string> \{\n {2}const partition/);
  assert.match(text, /\n {6}case "dynamodb": return `arn:/);
  assert.ok(text.endsWith("  });\n}\n"));
  assert.not.match(text, / +\n/);
});

test.run();

/**
 * `portico template render <file.vtl> --input <input.json> [--response] [--show-overrides]`: renders an API Gateway
 * mapping template with the VTL evaluator and prints the text on stdout (nothing added), the overrides as JSON on
 * stderr with `--show-overrides`. The input file is `{"body": string|null, "headers": {}, "query": {}, "path": {},
 * "context": {}, "stageVariables": {}}` (all but `body` optional). Exit codes: 0 rendered, 1 the template or the
 * input file is wrong (`file:line:col - error: …`), 2 a file cannot be read. The evaluator is loaded only when the
 * command runs, so that other commands start as fast as before.
 */
import type { Command } from "commander";
import type { Node, ParseError } from "jsonc-parser";
import * as fs from "node:fs";
import { jsoncParser } from "../parse/lazy-packages.js";
import type { TemplateInput } from "../vtl/index.js";

/** Where the command writes. */
export interface TemplateIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

interface RenderOptions {
  readonly input: string;
  readonly response?: boolean;
  readonly showOverrides?: boolean;
}

/** Adds `template render` to `program`; `done` receives the exit code. */
export function addTemplateCommand(program: Command, io: TemplateIo, done: (code: number) => void): void {
  program
    .command("template")
    .description("work with API Gateway mapping templates (VTL)")
    .command("render")
    .description("render a mapping template as API Gateway would: the text on stdout")
    .argument("<file>", "the template (.vtl)")
    .requiredOption("--input <file>", 'JSON: {"body": string|null, "headers", "query", "path", "context", "stageVariables"}')
    .option("--response", "render a response template: body is the integration's response")
    .option("--show-overrides", "print the request and response overrides as JSON on stderr")
    .action(async (file: string, opts: RenderOptions) => done(await render(file, opts, io)));
}

function readText(file: string, io: TemplateIo): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    io.stderr(`portico: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return undefined;
  }
}

async function render(file: string, opts: RenderOptions, io: TemplateIo): Promise<number> {
  const template = readText(file, io);
  const inputText = template === undefined ? undefined : readText(opts.input, io);
  if (template === undefined || inputText === undefined) return 2;
  const input = readInput(inputText);
  if ("message" in input) {
    io.stderr(`${opts.input}:${input.line}:${input.column} - error: ${input.message}\n`);
    return 1;
  }
  const { renderTemplate, VtlError } = await import("../vtl/index.js");
  try {
    const result = renderTemplate(template, { ...input, kind: opts.response ? "response" : "request" });
    io.stdout(result.output);
    if (opts.showOverrides) io.stderr(`${JSON.stringify(result.overrides, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof VtlError)) throw error;
    const what = error.kind === "syntax" ? "the template does not parse" : "the template failed while rendering";
    io.stderr(`${file}:${error.line}:${error.column} - error: ${error.message} (${what}; API Gateway would answer with an error)\n`);
    return 1;
  }
}

type Problem = { readonly message: string; readonly line: number; readonly column: number };

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\n|\r/);
  return { line: before.length, column: (before[before.length - 1] as string).length + 1 };
}

const STRING_MAPS = ["headers", "query", "path", "stageVariables"] as const;

/** Reads and checks the input file; a problem carries the 1-based position of the value at fault. */
export function readInput(text: string): TemplateInput | Problem {
  const { findNodeAtLocation, parseTree, printParseErrorCode } = jsoncParser();
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first || !root) return { message: `not valid JSON: ${first ? printParseErrorCode(first.error) : "empty file"}`, ...position(text, first?.offset ?? 0) };
  const at = (node: Node | undefined, message: string): Problem => ({ message, ...position(text, (node ?? root).offset) });
  if (root.type !== "object") return at(root, "the input must be an object with a body (a string or null)");
  const known = new Set<string>(["body", "context", ...STRING_MAPS]);
  for (const property of root.children ?? []) {
    const key = property.children?.[0];
    if (key && !known.has(String(key.value))) return at(key, `unknown property ${JSON.stringify(key.value)}; the input has body, headers, query, path, context and stageVariables`);
  }
  const body = findNodeAtLocation(root, ["body"]);
  if (!body || (body.type !== "string" && body.type !== "null")) return at(body, "body must be a string or null (the raw payload, not parsed JSON)");
  const input: Record<string, unknown> = { body: body.value as string | null };
  for (const name of STRING_MAPS) {
    const node = findNodeAtLocation(root, [name]);
    if (!node) continue;
    if (node.type !== "object") return at(node, `${name} must be an object of strings`);
    for (const property of node.children ?? []) {
      const value = property.children?.[1];
      if (value?.type !== "string") return at(value, `${name}.${String(property.children?.[0]?.value)} must be a string`);
    }
    input[name] = JSON.parse(text.slice(node.offset, node.offset + node.length)) as unknown;
  }
  const context = findNodeAtLocation(root, ["context"]);
  if (context) {
    if (context.type !== "object") return at(context, "context must be an object of $context variables");
    input["context"] = JSON.parse(text.slice(context.offset, context.offset + context.length)) as unknown;
  }
  return input as unknown as TemplateInput;
}

/**
 * The SDK's runtime (`src/runtime.ts`): the same for every API, kept as a real TypeScript file in
 * `templates/sdk/runtime.ts` and copied as is. Its exports are read from the file itself: the public ones (those
 * without `@internal` in their doc comment) are what the package's `index.ts` re-exports, and no generated type
 * may take their names.
 */
import * as fs from "node:fs";
import { ts } from "ts-morph";

/** The runtime's text and its public exports. */
export interface RuntimeSource {
  readonly text: string;
  /** Exported values (functions, constants, classes), public ones only, sorted. */
  readonly values: readonly string[];
  /** Exported types (interfaces, aliases), public ones only, sorted; a class is a value. */
  readonly types: readonly string[];
}

let loaded: RuntimeSource | undefined;

/** The runtime, read and parsed once. */
export function runtimeSource(): RuntimeSource {
  loaded ??= parse(fs.readFileSync(new URL("../../../templates/sdk/runtime.ts", import.meta.url), "utf8"));
  return loaded;
}

function parse(text: string): RuntimeSource {
  const file = ts.createSourceFile("runtime.ts", text, ts.ScriptTarget.ESNext, true, ts.ScriptKind.TS);
  const values: string[] = [];
  const types: string[] = [];
  for (const statement of file.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported || ts.getJSDocTags(statement).some((tag) => tag.tagName.text === "internal")) continue;
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) types.push(statement.name.text);
    else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) values.push(statement.name.text);
    else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) values.push(d.name.text);
    }
  }
  return { text, values: values.sort(), types: types.sort() };
}

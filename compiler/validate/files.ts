/**
 * Checks the files a spec names besides `$ref`s: Lambda code folders (`functions.<name>.code`) and VTL template
 * files (`templateFile`). They must exist and, like `$ref`s, stay inside the spec's folder once symlinks are
 * resolved (security.md §3.5), because the build archives or embeds them.
 */
import * as path from "node:path";
import type { DiagnosticCollector } from "../diagnostics/diagnostic.js";
import type { CompilerHost } from "../host.js";
import type { GatewayModel, Integration, Origin } from "../model/types.js";

/** Reports code-folder-missing, code-folder-outside-root, ref-not-found and ref-outside-root for the files `model` names. `specFile` is the entry path. */
export function checkFiles(model: GatewayModel, host: CompilerHost, specFile: string, report: DiagnosticCollector): void {
  const specDir = path.dirname(path.resolve(host.cwd(), specFile));
  let root: string;
  try {
    root = host.realpath(specDir);
  } catch {
    return;
  }
  const inside = (target: string): boolean => target === root || target.startsWith(root + path.sep);
  const rootShown = `${path.relative(host.cwd(), specDir).split(path.sep).join("/") || "."}/`;

  for (const fn of model.functions) {
    if (fn.kind !== "code") continue;
    const origin: Origin = { file: fn.origin.file, pointer: `${fn.origin.pointer}/code` };
    const target = path.resolve(specDir, fn.code);
    const stat = host.stat(target);
    const name = JSON.stringify(fn.name);
    const shown = JSON.stringify(fn.code);
    if (!stat?.isDirectory) {
      const problem = stat?.isFile ? "is a file; code names a folder to archive" : "does not exist next to the spec";
      report.report({ code: "code-folder-missing", args: { name, path: shown, problem }, origin });
      continue;
    }
    if (!inside(host.realpath(target))) {
      report.report({ code: "code-folder-outside-root", args: { name, path: shown, root: rootShown }, origin });
    }
  }

  const integrations: Integration[] = [
    ...model.operations.flatMap((op) => (op.integration ? [op.integration] : [])),
    ...(model.websocket?.routes.flatMap((r) => (r.integration ? [r.integration] : [])) ?? []),
  ];
  for (const integration of integrations) {
    for (const mapping of [integration.request, integration.response?.body]) {
      if (mapping?.kind !== "templateFile") continue;
      const target = path.resolve(specDir, mapping.file);
      if (!host.stat(target)?.isFile) {
        const reason = host.stat(target)?.isDirectory ? "it is a folder, not a file" : "no such file next to the spec";
        report.report({ code: "ref-not-found", args: { ref: JSON.stringify(mapping.file), reason }, origin: mapping.origin });
      } else if (!inside(host.realpath(target))) {
        report.report({ code: "ref-outside-root", args: { ref: JSON.stringify(mapping.file), root: rootShown }, origin: mapping.origin });
      }
    }
  }
}

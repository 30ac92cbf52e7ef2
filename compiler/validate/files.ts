/**
 * Checks the files a spec names besides `$ref`s: Lambda code folders (`functions.<name>.code`) and VTL template
 * files (`templateFile`). They must exist and, like `$ref`s, stay inside the spec's folder once symlinks are
 * resolved (security.md §3.5), because the build archives or embeds them.
 */
import * as path from "node:path";
import type { DiagnosticCollector } from "../diagnostics/diagnostic.js";
import type { CompilerHost } from "../host.js";
import type { GatewayModel, Integration, Origin } from "../model/types.js";

/** Reports code-folder-missing and ref-outside-root for the files `model` names. `specFile` is the entry path. */
export function checkFiles(model: GatewayModel, host: CompilerHost, specFile: string, report: DiagnosticCollector): void {
  const specDir = path.dirname(path.resolve(host.cwd(), specFile));
  let root: string;
  try {
    root = host.realpath(specDir);
  } catch {
    return;
  }
  const inside = (target: string): boolean => target === root || target.startsWith(root + path.sep);

  for (const fn of model.functions) {
    if (fn.kind !== "code") continue;
    const origin: Origin = { file: fn.origin.file, pointer: `${fn.origin.pointer}/code` };
    const target = path.resolve(specDir, fn.code);
    const stat = host.stat(target);
    if (!stat?.isDirectory) {
      report.report({ code: "code-folder-missing", args: { name: fn.name, path: fn.code }, origin });
      continue;
    }
    if (!inside(host.realpath(target))) {
      report.report({ code: "ref-outside-root", args: { ref: fn.code, root: path.basename(root) }, origin });
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
        report.report({ code: "ref-not-found", args: { ref: mapping.file, reason: "no such file next to the spec" }, origin: mapping.origin });
      } else if (!inside(host.realpath(target))) {
        report.report({ code: "ref-outside-root", args: { ref: mapping.file, root: path.basename(root) }, origin: mapping.origin });
      }
    }
  }
}

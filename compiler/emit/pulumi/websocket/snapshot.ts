/**
 * What a WebSocket deployment snapshots, and the triggers that replace it when any of it changes.
 *
 * An `aws.apigatewayv2.Deployment` freezes the API's routes, route responses, integrations, integration responses,
 * models and authorizers as they are when it is created (apigw-features.md §0, fact 3). Each of those resources'
 * arguments is recorded here as it is written into the program, and the deployment's `triggers` hold:
 * - `configuration`: the SHA-256 of the arguments' program text, computed by the compiler (what the spec decides:
 *   route keys, integration types, templates, models, identity sources, …);
 * - `values`: the SHA-256, computed at deploy time, of every value those arguments read (function ARNs, config
 *   values, the ids of the integrations, models and authorizer the routes point at).
 * So a change of either replaces the deployment, and the same API keeps it.
 */
import { createHash } from "node:crypto";
import { Entries, Raw, raw, render, type Expr, type Fields } from "../ts.js";

/** The code fragments of `expr` (the values it reads at deploy time), in order of appearance. */
function fragments(expr: Expr, out: string[]): void {
  if (expr instanceof Raw) out.push(expr.text);
  else if (Array.isArray(expr)) for (const item of expr) fragments(item, out);
  else if (expr instanceof Entries) for (const [, value] of expr.entries) fragments(value, out);
  else if (expr !== null && typeof expr === "object") for (const value of Object.values(expr as Fields)) fragments(value, out);
}

/** Collects the arguments of the resources a deployment snapshots. */
export class Snapshot {
  readonly #args: Expr[] = [];

  /** Records `args` and returns them, for `resource(type, name, snapshot.add(args))`. */
  add<T extends Expr>(args: T): T {
    this.#args.push(args);
    return args;
  }

  /** The deployment's `triggers`. */
  triggers(): Fields {
    const text = render(this.#args);
    const values: string[] = [];
    fragments(this.#args, values);
    const unique = [...new Set(values)];
    return {
      configuration: createHash("sha256").update(text).digest("hex"),
      values: raw(
        `pulumi.jsonStringify([${unique.join(", ")}]).apply((text) => crypto.createHash("sha256").update(text).digest("hex"))`,
      ),
    };
  }
}

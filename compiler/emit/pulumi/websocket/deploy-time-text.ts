/**
 * Text of the WebSocket part of the program that holds values known only at deploy time: the placeholders of the
 * REST builders (../../placeholders.ts; a config value, encoded as the token asks) and API Gateway's import
 * variables `${AWS::Partition}`, `${AWS::Region}` and `${AWS::AccountId}`. A WebSocket API is not imported, so
 * nothing resolves those for it: the program does, with the partition, Region and account it deploys to.
 */
import { findPlaceholders, PLACEHOLDER_PATTERN } from "../../placeholders.js";
import type { FunctionRef, ProgramContext } from "../context.js";
import { placeholderValue } from "../rest-api.js";
import { call, member, raw, render, type Expr } from "../ts.js";
import { WS } from "./names.js";

/** The import variable `${AWS::AccountId}`, as the queue-path encoder of a config value may also produce it. */
const ACCOUNT_VARIABLE = "${AWS::AccountId}";

/** The account the program deploys to. */
const ACCOUNT = "aws.getCallerIdentityOutput().accountId";

/** `text` as an expression: the text itself when it holds no deploy-time value, else a `pulumi.concat` of its parts. */
export function deployTimeText(ctx: ProgramContext, functions: ReadonlyMap<string, FunctionRef>, text: string): Expr {
  const pattern = new RegExp(`${PLACEHOLDER_PATTERN}|\\$\\{AWS::(Partition|Region|AccountId)\\}`, "g");
  const parts: Expr[] = [];
  let last = 0;
  let accountAfterwards = false;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > last) parts.push(text.slice(last, index));
    last = index + match[0].length;
    const variable = match[4];
    if (variable === "Partition") parts.push(member(WS.partition, "partition"));
    else if (variable === "Region") parts.push(raw(WS.region));
    else if (variable === "AccountId") parts.push(raw(ACCOUNT));
    else {
      for (const placeholder of findPlaceholders(match[0])) {
        accountAfterwards ||= placeholder.attribute === "queuePath";
        parts.push(placeholderValue(ctx, placeholder, functions, new Map()));
      }
    }
  }
  if (last === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  const joined = call("pulumi.concat", ...parts);
  if (!accountAfterwards) return joined;
  // A queue named in config by its bare name is `${AWS::AccountId}/{queue}` once encoded.
  return raw(
    `pulumi.all([${render(joined)}, ${ACCOUNT}]).apply(([text, account]) => text.split(${JSON.stringify(ACCOUNT_VARIABLE)}).join(account))`,
  );
}

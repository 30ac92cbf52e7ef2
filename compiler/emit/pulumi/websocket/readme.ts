/**
 * The WebSocket part of `pulumi/README.md` (../readme.ts): what the program deploys for it, its outputs, and how a
 * function that pushes reaches the `@connections` API. Fixed text, with the spec's function names flattened to
 * one line and shown as code.
 */
import type { GatewayModel } from "../../../model/types.js";

/** Function names as inline code, one line each. */
function names(list: readonly string[]): string {
  return list.map((n) => `\`${n.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029`]+/g, " ")}\``).join(", ");
}

/** The README section of `model`'s WebSocket API; "" without one. */
export function websocketReadmeSection(model: GatewayModel): string {
  const ws = model.websocket;
  if (ws === undefined) return "";
  const pushers = [...new Set((ws.manageConnections ?? []).map((u) => u.function))];
  const lines = [
    "",
    "## WebSocket API",
    "",
    "The program also deploys the spec's WebSocket API (`x-gateway.websocket`) beside it: its routes, integrations,",
    "models and `$connect` authorizer, a deployment, and its own stage, named after the stack, with JSON access logs,",
    "execution logs and throttling. Outputs: `websocketUrl` (`wss://…/<stage>`, what clients connect to),",
    "`websocketApiId`, and `websocketManagementEndpoint` (`https://…/<stage>`, the `@connections` endpoint the",
    "backend posts messages to); with a custom domain also `websocketCustomUrl` and `websocketDomainTarget`.",
    "Its execution logs need API Gateway's CloudWatch Logs role of the account and Region: set it from one stack",
    "with `pulumi config set createAccountLogRole true`, unless another stack or API already did.",
  ];
  if (pushers.length > 0) {
    lines.push(
      "",
      `${names(pushers)} may call the \`@connections\` API of this API and stage (\`execute-api:ManageConnections\`).`,
      "A function finds the endpoint in its event (`https://${requestContext.domainName}/${requestContext.stage}`",
      "on the execute-api domain), or from the output: `pulumi stack output websocketManagementEndpoint`, set as a",
      "config value its environment reads.",
    );
  }
  return `${lines.join("\n")}\n`;
}

/**
 * A `node:http` server on localhost for the SDK's runtime tests. It answers every request with an echo of it
 * (`{ method, url, headers, body }`, the body as text, or base64 when it is not UTF-8 text), except:
 * - `/pets/missing` → 404 `{ message }`, `/pets/boom` → 500 `{ code }`, `/pets/empty` → 204, `POST /pets` → 201;
 * - `/flaky?failures=n&key=k[&retryAfter=s]` → 503 `{ code: 503 }` (with `Retry-After: s`) for the first n
 *   requests with that key, then the echo;
 * - `/slow?ms=n` → the echo after n ms;
 * - `GET /photos/{id}` → a PNG signature as `image/png`.
 * Every request is recorded, with the time it arrived.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the server received. */
export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
  /** `performance.now()` when it arrived. */
  readonly at: number;
}

/** A running server. */
export interface EchoServer {
  readonly url: string;
  readonly received: Received[];
  close(): Promise<void>;
}

export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function text(body: Buffer): string {
  const decoded = body.toString("utf8");
  return Buffer.from(decoded, "utf8").equals(body) ? decoded : body.toString("base64");
}

/** Starts the server on a free port of 127.0.0.1. */
export async function startEchoServer(): Promise<EchoServer> {
  const received: Received[] = [];
  const failures = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? "/", "http://localhost");
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body, at: performance.now() });
      const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(value));
      };
      const echo = () => send(req.method === "POST" && url.pathname === "/v2/pets" ? 201 : 200, { method: req.method, url: req.url, headers: req.headers, body: text(body) });
      if (url.pathname === "/v2/pets/missing") return send(404, { message: "no pet missing" });
      if (url.pathname === "/v2/pets/boom") return send(500, { code: 42 });
      if (url.pathname === "/v2/pets/empty") return void res.writeHead(204).end();
      if (req.method === "GET" && url.pathname.startsWith("/v2/photos/")) return void res.writeHead(200, { "content-type": "image/png" }).end(PNG);
      if (url.pathname === "/v2/flaky") {
        const key = url.searchParams.get("key") ?? "";
        const seen = failures.get(key) ?? 0;
        failures.set(key, seen + 1);
        const retryAfter = url.searchParams.get("retryAfter");
        if (seen < Number(url.searchParams.get("failures"))) return send(503, { code: 503 }, retryAfter ? { "retry-after": retryAfter } : {});
        return echo();
      }
      if (url.pathname === "/v2/slow") return void setTimeout(echo, Number(url.searchParams.get("ms")));
      echo();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v2`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

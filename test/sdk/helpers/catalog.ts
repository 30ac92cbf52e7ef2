/**
 * A small API whose operations page in each way the SDK recognises (compiler/emit/sdk/pagination.ts), and a few
 * that look close but must not be read as paginated; with a `node:http` server on localhost that serves seven
 * items (`i1` … `i7`) through each of them:
 * - `GET /numbered?page&per_page`: an array, with a GitHub-style `Link` header (`rel="next"` until the last page);
 * - `GET /plain?page&per_page`: an array, no `Link` header;
 * - `GET /offsets?offset&limit`: `{ data }`;
 * - `GET /cursors?cursor&limit`: `{ items, next }` (`next` is null on the last page);
 * - `GET /after?starting_after&limit`: `{ data, has_more }` (Stripe);
 * - `GET /after-last?after&limit`: `{ data, has_more, last_id }` (OpenAI).
 * Every request is recorded, as its URL.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

type Json = Record<string, unknown>;

const query = (name: string, type = "integer") => ({ name, in: "query", schema: { type } });
const json = (schema: Json) => ({ "200": { description: "A page.", content: { "application/json": { schema } } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const items = { type: "array", items: ref("Item") };

export const CATALOG: Json = {
  openapi: "3.0.3",
  info: { title: "Catalog", version: "1.0.0" },
  paths: {
    "/numbered": {
      get: {
        operationId: "listNumbered",
        parameters: [query("page"), query("per_page")],
        responses: { "200": { description: "A page.", headers: { Link: { schema: { type: "string" } } }, content: { "application/json": { schema: items } } } },
      },
    },
    "/plain": { get: { operationId: "listPlain", parameters: [query("page"), query("per_page")], responses: json(ref("ItemList")) } },
    "/offsets": {
      get: { operationId: "listOffsets", parameters: [query("offset"), query("limit")], responses: json({ type: "object", properties: { data: items, total: { type: "integer" } } }) },
    },
    "/cursors": { get: { operationId: "listCursors", parameters: [query("cursor", "string"), query("limit")], responses: json(ref("CursorPage")) } },
    "/after": {
      get: {
        operationId: "listAfter",
        parameters: [query("starting_after", "string"), query("limit")],
        responses: json({ allOf: [ref("List"), { type: "object", properties: { object: { type: "string" } } }] }),
      },
    },
    "/after-last": {
      get: {
        operationId: "listAfterLast",
        parameters: [query("after", "string"), query("limit")],
        responses: json({ type: "object", required: ["data", "has_more"], properties: { data: items, has_more: { type: "boolean" }, last_id: { type: "string", nullable: true } } }),
      },
    },
    // Close, but not paginated: a page number without a page size; a cursor without a next one in the body; two
    // arrays in the body; a POST.
    "/no-size": { get: { operationId: "noSize", parameters: [query("page")], responses: json(items) } },
    "/no-next": { get: { operationId: "noNext", parameters: [query("cursor", "string")], responses: json({ type: "object", properties: { items } }) } },
    "/two-arrays": {
      get: { operationId: "twoArrays", parameters: [query("cursor", "string")], responses: json({ type: "object", properties: { items, more: items, next: { type: "string" } } }) },
    },
    "/search": { post: { operationId: "searchItems", parameters: [query("page"), query("per_page")], responses: json(items) } },
  },
  components: {
    schemas: {
      Item: { type: "object", required: ["id"], properties: { id: { type: "string" } } },
      ItemList: { type: "array", items: ref("Item") },
      CursorPage: { type: "object", required: ["items"], properties: { items, next: { type: "string", nullable: true } } },
      List: { type: "object", required: ["data", "has_more"], properties: { data: items, has_more: { type: "boolean" } } },
    },
  },
};

/** The operations of {@link CATALOG} that page, with the kind of pagination each must get. */
export const PAGED: Readonly<Record<string, string>> = {
  listNumbered: "page",
  listPlain: "page",
  listOffsets: "offset",
  listCursors: "cursor",
  listAfter: "after",
  listAfterLast: "after",
};

const ALL = ["i1", "i2", "i3", "i4", "i5", "i6", "i7"].map((id) => ({ id }));

/** A running catalog server. */
export interface CatalogServer {
  readonly url: string;
  /** The URLs of the requests received, in order. */
  readonly received: string[];
  close(): Promise<void>;
}

/** Starts the server on a free port of 127.0.0.1. */
export async function startCatalogServer(): Promise<CatalogServer> {
  const received: string[] = [];
  let base = "";
  const server = http.createServer((req, res) => {
    received.push(req.url ?? "");
    const url = new URL(req.url ?? "/", "http://localhost");
    const q = (name: string, fallback: number) => (url.searchParams.has(name) ? Number(url.searchParams.get(name)) : fallback);
    const send = (value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(200, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(value));
    };
    const after = (id: string | null) => (id === null ? 0 : ALL.findIndex((i) => i.id === id) + 1);
    switch (url.pathname) {
      case "/numbered":
      case "/plain": {
        const size = q("per_page", 3);
        const page = q("page", 1);
        const slice = ALL.slice((page - 1) * size, page * size);
        const last = Math.ceil(ALL.length / size);
        const link = `<${base}${url.pathname}?per_page=${size}&page=${last}>; rel="last"` + (page < last ? `, <${base}${url.pathname}?per_page=${size}&page=${page + 1}>; rel="next"` : "");
        return send(slice, url.pathname === "/numbered" ? { link } : {});
      }
      case "/offsets": {
        const offset = q("offset", 0);
        return send({ data: ALL.slice(offset, offset + q("limit", 3)), total: ALL.length });
      }
      case "/cursors": {
        const start = after(url.searchParams.get("cursor"));
        const end = start + q("limit", 3);
        return send({ items: ALL.slice(start, end), next: end < ALL.length ? ALL[end - 1]?.id : null });
      }
      case "/after":
      case "/after-last": {
        const start = after(url.searchParams.get(url.pathname === "/after" ? "starting_after" : "after"));
        const data = ALL.slice(start, start + q("limit", 3));
        const more = start + data.length < ALL.length;
        return send(url.pathname === "/after" ? { object: "list", data, has_more: more } : { data, has_more: more, last_id: data.at(-1)?.id ?? null });
      }
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

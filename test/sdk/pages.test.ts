/**
 * Page iterators: which operations get one (compiler/emit/sdk/pagination.ts, on ./helpers/catalog.ts and the
 * pets sample), and, at run time against a `node:http` server on localhost, that each kind walks every page once
 * and stops: page numbers with and without a `Link` header, offsets, cursors in the body, and `starting_after`/
 * `after` with `has_more`.
 */
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { check, nodeHost } from "../../compiler/index.js";
import { sdkFiles } from "../../compiler/emit/sdk/index.js";
import { CATALOG, PAGED, startCatalogServer } from "./helpers/catalog.js";
import { loadSdk, sdkFilesOf, writeSdk } from "./helpers/sdk.js";

type Page = { status: number; body: any; headers: Record<string, string | undefined>; response: Response };
type Pages = (params?: unknown, options?: unknown) => AsyncGenerator<Page, void, undefined>;
type Sdk = Record<string, Pages> & { CatalogClient: new (options?: unknown) => Record<string, Pages> };

const files = sdkFilesOf(CATALOG);
const operations = files.get("src/operations.ts") as string;
const sdk = await loadSdk<Sdk>(writeSdk("catalog", files));
const server = await startCatalogServer();
const api = new sdk.CatalogClient({ baseUrl: server.url });

/** The ids of every item of every page, and the request URLs the walk made. */
async function walk(pages: AsyncGenerator<Page, void, undefined>, items: (body: any) => { id: string }[], see?: (page: Page) => void): Promise<{ ids: string[]; urls: string[] }> {
  const from = server.received.length;
  const ids: string[] = [];
  for await (const page of pages) {
    assert.is(page.status, 200);
    see?.(page);
    ids.push(...items(page.body).map((i) => i.id));
  }
  return { ids, urls: server.received.slice(from) };
}

const ALL = ["i1", "i2", "i3", "i4", "i5", "i6", "i7"];

test("operations whose shape shows pagination get a page iterator of the right kind; look-alikes get none", () => {
  const found = Object.fromEntries([...operations.matchAll(/\$runtime\.pages<[^>]*>\((\w+), \{[^}]*kind: "(\w+)"/g)].map((m) => [m[1], m[2]]));
  assert.equal(found, PAGED);
  for (const fn of ["noSize", "noNext", "twoArrays", "searchItems"]) assert.not.ok(`${fn}Pages` in sdk, `${fn} must not page`);
  assert.match(operations, /export function listCursorsPages\(params\?: ListCursorsParams, options\?: Options\): AsyncGenerator<ListCursorsResult, void, undefined> \{/);
  assert.match(operations, /\$runtime\.pages<[^>]*>\(listAfterLast, \{ param: "after", kind: "after", items: "data", next: "last_id", more: "has_more" \} as const, params, options\)/);
  assert.match(operations, /\$runtime\.pages<[^>]*>\(listAfter, \{ param: "starting_after", kind: "after", items: "data", more: "has_more" \} as const/, "allOf members are read");
  assert.type(api["listNumberedPages"], "function", "the client has the page iterators as methods");
});

test("the pets sample's listPets pages by its cursor and the body's `next`; the README shows and explains it", () => {
  const model = check(nodeHost, path.resolve(import.meta.dirname, "../../samples/pets/openapi.yaml")).model;
  if (!model) throw new Error("samples/pets has no model");
  const out = new Map(sdkFiles(model).map((f) => [f.path.replace(/^sdk\/typescript\//, ""), f.content]));
  assert.match(out.get("src/operations.ts") ?? "", /\$runtime\.pages<ListPetsParams, ListPetsResult, Options>\(listPets, \{ param: "cursor", kind: "cursor", items: "items", next: "next" \} as const, params, options\)/);
  const readme = out.get("README.md") ?? "";
  assert.match(readme, /## Pages\n/);
  assert.match(readme, /for await \(const page of api\.listPartnerPetsPages\(\)\) \{/);
  assert.match(readme, /\| `listPets` \| `GET \/pets`: List adoptable pets; pages: `listPetsPages` \|/);
  assert.match(readme, /\| `starting_after` or `after`, with a boolean `has_more` in the body \|/);
  assert.not.match(sdkFilesOf({ ...CATALOG, paths: { "/x": (CATALOG["paths"] as Record<string, unknown>)["/no-size"] } }).get("README.md") ?? "", /## Pages/);
});

test("page numbers follow the Link header's rel=next, and stop when it has none; the declared header is typed and given", async () => {
  assert.match(operations, /export type ListNumberedResult = ApiResponse<200, ListNumberedResponse200, "link">;/);
  const links: string[] = [];
  const { ids, urls } = await walk(api["listNumberedPages"]!({ query: { per_page: 3 } }), (b) => b, (page) => links.push(page.headers["link"] ?? ""));
  assert.match(links[0] ?? "", /page=2>; rel="next"$/);
  assert.not.match(links[2] ?? "", /rel="next"/);
  assert.equal(ids, ALL);
  assert.equal(urls, ["/numbered?per_page=3", "/numbered?per_page=3&page=2", "/numbered?per_page=3&page=3"]);
});

test("page numbers without a Link header go on until a page is shorter than the size asked for, or empty", async () => {
  const sized = await walk(api["listPlainPages"]!({ query: { per_page: 3 } }), (b) => b);
  assert.equal(sized.ids, ALL);
  assert.equal(sized.urls, ["/plain?per_page=3", "/plain?per_page=3&page=2", "/plain?per_page=3&page=3"]);
  const unsized = await walk(sdk["listPlainPages"]!({ query: { page: 2 } }, { baseUrl: server.url }), (b) => b);
  assert.equal(unsized.ids, ["i4", "i5", "i6", "i7"], "starts at the page asked for");
  assert.equal(unsized.urls, ["/plain?page=2", "/plain?page=3", "/plain?page=4"]);
});

test("offsets grow by the items read", async () => {
  const { ids, urls } = await walk(api["listOffsetsPages"]!({ query: { limit: 3 } }), (b) => b.data);
  assert.equal(ids, ALL);
  assert.equal(urls, ["/offsets?limit=3", "/offsets?limit=3&offset=3", "/offsets?limit=3&offset=6"]);
});

test("cursors come from the body's next, until it is null", async () => {
  const { ids, urls } = await walk(api["listCursorsPages"]!({ query: { limit: 3 } }), (b) => b.items);
  assert.equal(ids, ALL);
  assert.equal(urls, ["/cursors?limit=3", "/cursors?limit=3&cursor=i3", "/cursors?limit=3&cursor=i6"]);
});

test("starting_after is the last item's id while has_more is true (Stripe); after is last_id (OpenAI)", async () => {
  const stripe = await walk(api["listAfterPages"]!({ query: { limit: 3 } }), (b) => b.data);
  assert.equal(stripe.ids, ALL);
  assert.equal(stripe.urls, ["/after?limit=3", "/after?limit=3&starting_after=i3", "/after?limit=3&starting_after=i6"]);
  const openai = await walk(api["listAfterLastPages"]!({ query: { limit: 4 } }), (b) => b.data);
  assert.equal(openai.ids, ALL);
  assert.equal(openai.urls, ["/after-last?limit=4", "/after-last?limit=4&after=i4"]);
});

test("a page iterator is lazy, can be left early, and rejects as its operation does", async () => {
  const from = server.received.length;
  const pages = api["listCursorsPages"]!({ query: { limit: 2 } });
  assert.is(server.received.length, from, "no request before the first next()");
  for await (const page of pages) {
    assert.equal(page.body.items, [{ id: "i1" }, { id: "i2" }]);
    break;
  }
  assert.is(server.received.length, from + 1);
  const failing = sdk["listCursorsPages"]!({}, { baseUrl: `${server.url}/missing`, retry: false });
  const error = await failing.next().catch((e: unknown) => e);
  assert.equal([(error as { status?: number }).status, (error as Error).name], [404, "ApiError"]);
});

test.after(() => server.close());

test.run();

// @vitest-environment node
import { readFile } from "node:fs/promises";
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";

const document = new URL("../../../docs/openapi.json", import.meta.url);
const generated = new URL("./schema.d.ts", import.meta.url);

describe("the API client's types", () => {
  it("are generated from docs/openapi.json as it is now (npm run generate:api)", async () => {
    const fresh = astToString(await openapiTS(document));
    const committed = await readFile(generated, "utf-8");
    const body = (text: string) => text.slice(text.indexOf("export interface paths"));
    expect(body(committed)).toBe(body(fresh));
  });
});

import { describe, expect, it } from "vitest";
import { resources, LANGUAGES } from "./index";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key));
}

describe("translations", () => {
  const namespaces = Object.keys(resources.fi) as (keyof typeof resources.fi)[];
  for (const namespace of namespaces) {
    it(`has every ${namespace} key in fi, sv and en, none empty`, () => {
      const expected = keysOf(resources.fi[namespace]).sort();
      for (const language of LANGUAGES) {
        const table = resources[language][namespace];
        expect(keysOf(table).sort(), `${language}/${namespace}`).toEqual(expected);
        for (const key of expected) {
          const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], table);
          expect(typeof text === "string" && text.trim().length > 0, `${language}/${namespace}:${key}`).toBe(true);
        }
      }
    });
  }
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FUNCTIONS } from "../../provider/functions";
import { allKinds } from "../../provider/kinds/catalog";
import { dynamicToken, packageSchema, token } from "../../provider/plugin/schema";

// The provider plugin's package schema is generated from the kind definitions and the lookups; the
// committed copy (what the typed SDKs are generated from) must never drift from them.
const committed = join(__dirname, "..", "..", "provider", "plugin", "schema.json");

describe("the plugin's package schema", () => {
  const schema = packageSchema();

  it("is the committed provider/plugin/schema.json (regenerate with `npm run gen:schema`)", () => {
    expect(JSON.parse(readFileSync(committed, "utf8"))).toEqual(JSON.parse(JSON.stringify(schema)));
  });

  it("lists every kind, aliased to its dynamic type, and every lookup", () => {
    expect(Object.keys(schema.resources).sort()).toEqual(
      allKinds()
        .map((k) => token(k.name))
        .sort(),
    );
    for (const kind of allKinds())
      expect(schema.resources[token(kind.name)]?.aliases).toEqual([{ type: dynamicToken(kind.name) }]);
    expect(Object.keys(schema.functions).sort()).toEqual(FUNCTIONS.map((f) => token(f.name)).sort());
  });

  it("marks secrets and replacements as the definitions say", () => {
    for (const kind of allKinds()) {
      const spec = schema.resources[token(kind.name)];
      for (const key of kind.secrets as readonly string[]) expect(spec?.properties[key]?.secret).toBe(true);
      for (const key of kind.replaceOn) expect(spec?.inputProperties[key]?.replaceOnChanges).toBe(true);
      expect(spec?.inputProperties["connection"]?.secret).toBe(true);
    }
    expect(schema.config.variables["clientSecret"]?.secret).toBe(true);
  });
});

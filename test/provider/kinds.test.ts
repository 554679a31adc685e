import * as pulumi from "@pulumi/pulumi";
import * as program from "../../provider";
import { allKinds, kindFolders } from "../../provider/kinds/catalog";
import { handlerFor, folderOf } from "../../provider/runtime/registry";

// A kind is one folder: its definition, its handler, its class. These checks keep the pieces that are
// found by name (the runtime's handler, the registry's export) in step with the folders.
describe("the kind folders", () => {
  const kinds = allKinds();

  it("are named after their kind", () => {
    expect(kinds.map((k) => folderOf(k.name))).toEqual(kindFolders());
  });

  it.each(kinds.map((k) => [k.name, k] as const))("%s has a handler for its definition", (name, kind) => {
    expect(handlerFor(name).kind).toBe(kind);
  });

  it.each(kinds.map((k) => k.name))("%s is exported by the registry as a Pulumi resource class", (name) => {
    const exported = (program as Record<string, unknown>)[name];
    expect(typeof exported).toBe("function");
    expect((exported as { prototype: unknown }).prototype).toBeInstanceOf(pulumi.dynamic.Resource);
  });

  it("declare only real inputs as replacing, secret or natural key", () => {
    for (const kind of kinds) {
      const inputs = Object.keys(kind.inputs.shape);
      const outputs = Object.keys(kind.outputs.shape);
      for (const key of [...kind.replaceOn, ...kind.naturalKey]) expect(inputs).toContain(key);
      for (const key of kind.secrets) expect([...inputs, ...outputs]).toContain(key);
    }
  });

  it("refuses a kind that has no folder, saying what to do", () => {
    expect(() => handlerFor("NoSuchKind")).toThrow(/no resource kind "NoSuchKind".*pulumi up/);
    expect(() => handlerFor("../../x")).toThrow(/no resource kind/);
  });
});

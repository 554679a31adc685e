import { conceal, reveal } from "../../provider/plugin/wire";
import { UNKNOWN } from "../../provider/kinds/unknowns";

// The plugin's values on the wire: secrets travel wrapped in Pulumi's secret signature, unknowns as
// the preview sentinel, and nothing undefined reaches a protobuf Struct.
const SIG = "4dabf18193072939515e22adb298388d";
const SECRET = "1b47061264138c4ac30d75fd1eb44270";

describe("plugin wire values", () => {
  it("wraps the named keys as secrets, leaves unknowns bare and drops undefined", () => {
    const struct = conceal(
      { name: "A", value: "s3cret", pending: UNKNOWN, token: UNKNOWN, gone: undefined },
      new Set(["value", "token"]),
    );
    expect(struct.toJavaScript()).toEqual({
      name: "A",
      value: { [SIG]: SECRET, value: "s3cret" },
      pending: UNKNOWN,
      token: UNKNOWN,
    });
  });

  it("unwraps secrets at any depth and says which top-level keys held one", () => {
    const struct = conceal(
      { credentials: { token: "t-1", certificate: "pem" }, value: "v", plain: [1, 2] },
      new Set(["value"]),
    );
    const nested = struct.toJavaScript() as Record<string, unknown>;
    nested["credentials"] = { token: { [SIG]: SECRET, value: "t-1" }, certificate: "pem" };
    const { props, secrets } = reveal(conceal(nested, new Set(["value"])));
    expect(props).toEqual({ credentials: { token: "t-1", certificate: "pem" }, value: "v", plain: [1, 2] });
    expect([...secrets].sort()).toEqual(["credentials", "value"]);
  });
});

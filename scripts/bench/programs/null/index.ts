// The baseline: the graph of ../acquia (a connection, then variables or one environment that depend on
// its settings), with the same inputs secret, on a dynamic provider whose every operation returns at once.
import { mark } from "../marks";
import * as pulumi from "@pulumi/pulumi";
import { NullConnection, NullResource } from "./null-provider";

mark("imported");
const bench = new pulumi.Config("bench");

const connection = new NullConnection("acquia");
mark("firstResource");

if (bench.require("shape") === "environment") {
  new NullResource("Environment", "environment", {
    connection: connection.settings,
    applicationUuid: bench.require("applicationUuid"),
    label: "Bench",
    branch: "main",
    timeoutSeconds: 3600,
  });
} else {
  const environmentId = bench.require("environmentId");
  for (let i = 0; i < bench.requireNumber("count"); i++) {
    new NullResource(
      "EnvironmentVariable",
      `variable-${i}`,
      {
        connection: connection.settings,
        environmentId,
        name: `BENCH_${i}`,
        value: pulumi.secret(i === 0 ? bench.require("firstValue") : `value-${i}`),
      },
      ["value"],
    );
  }
}

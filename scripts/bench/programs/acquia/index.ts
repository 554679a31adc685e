// The benchmark's program: a Connection and, by config `bench:shape`, either `bench:count` environment
// variables on an existing environment (`variables`) or one CD environment (`environment`). The null
// program (../null) builds the same graph with the same secret inputs on a provider that does nothing.
import { mark } from "../marks";
import * as pulumi from "@pulumi/pulumi";
import * as acquia from "pulumi-acquia-cloud";

mark("imported");
const bench = new pulumi.Config("bench");

const connection = new acquia.Connection("acquia");
mark("firstResource");

if (bench.require("shape") === "environment") {
  new acquia.Environment("environment", {
    connection,
    applicationUuid: bench.require("applicationUuid"),
    label: "Bench",
    branch: "main",
    timeoutSeconds: 3600,
  });
} else {
  const environmentId = bench.require("environmentId");
  for (let i = 0; i < bench.requireNumber("count"); i++) {
    new acquia.EnvironmentVariable(`variable-${i}`, {
      connection,
      environmentId,
      name: `BENCH_${i}`,
      value: i === 0 ? bench.require("firstValue") : `value-${i}`,
    });
  }
}

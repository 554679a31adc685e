// A federated organization's API tokens must be scoped to it: acquia:organizationUuid sets the scope
// for the Connection and for the lookup alike.
import * as pulumi from "@pulumi/pulumi";
import * as acquia from "pulumi-acquia-cloud";

const config = new pulumi.Config();
const connection = new acquia.Connection("acquia");
const production = pulumi.output(
  acquia.getEnvironment({ applicationUuid: config.require("applicationUuid"), name: "prod" }),
);

new acquia.EnvironmentVariable("flag", {
  connection,
  environmentId: production.id,
  name: "FEDERATED_E2E",
  value: "on",
});

export const scope = connection.scope;

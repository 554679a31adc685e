// Access and security as code, as the README's rotation recipe writes it: the stack's API tokens
// (config `apiTokens`, made with the stack's own credentials), a Connection from stack config that
// depends on them (a destroy revokes the key it runs with last), and the Shield allowlist of a
// subscription (config `allowlist`: its entries).
import * as pulumi from "@pulumi/pulumi";
import * as acquia from "pulumi-acquia-cloud";

const config = new pulumi.Config();
const labels = config.requireObject<string[]>("apiTokens");
const tokens = labels.map((label) => new acquia.ApiToken(label, { label }));
const connection = new acquia.Connection("acquia", {}, { dependsOn: tokens });

new acquia.SubscriptionIpAllowlist("allowlist", {
  connection,
  subscriptionUuid: config.require("subscriptionUuid"),
  entries: config.requireObject<{ description: string; addresses: string[] }[]>("allowlist"),
});

export const apiTokens = Object.fromEntries(
  tokens.map((token, i) => [labels[i] ?? "", { apiKey: token.apiKey, apiSecret: token.apiSecret }]),
);

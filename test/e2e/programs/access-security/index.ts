// Access and security as code, as the README's rotation recipe writes it: the stack's API tokens
// (config `apiTokens`, made with the stack's own credentials), a Connection from stack config that
// depends on them (a destroy revokes the key it runs with last), the Shield allowlist of a
// subscription found by name (config `allowlist`: its entries), and its organization's identity
// provider, which Acquia cannot create: adopted.
import * as pulumi from "@pulumi/pulumi";
import * as acquia from "pulumi-acquia-cloud";

const config = new pulumi.Config();
const labels = config.requireObject<string[]>("apiTokens");
const tokens = labels.map((label) => new acquia.ApiToken(label, { label }));
const connection = new acquia.Connection("acquia", {}, { dependsOn: tokens });

const subscription = pulumi.output(acquia.getSubscription({ name: config.require("subscription") }));

new acquia.SubscriptionIpAllowlist("allowlist", {
  connection,
  subscriptionUuid: subscription.uuid,
  entries: config.requireObject<{ description: string; addresses: string[] }[]>("allowlist"),
});

new acquia.IdentityProvider("sso", {
  connection,
  adopt: true,
  organizationUuid: subscription.apply((s) => s.organization?.uuid ?? ""),
  entityId: "https://idp.acme.example/saml/e2e",
  ssoUrl: "https://idp.acme.example/sso/e2e",
  enabled: true,
});

export const apiTokens = Object.fromEntries(
  tokens.map((token, i) => [labels[i] ?? "", { apiKey: token.apiKey, apiSecret: token.apiSecret }]),
);

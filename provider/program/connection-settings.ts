/**
 * A Connection's inputs and the settings its dependents take, made in the program the same way in
 * both modes (the dynamic provider's class and plugin mode's `Connection`), so a stack moved from one
 * mode to the other sees the very same values.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  CONNECTION_SOURCES,
  environmentValue,
  withDefaults,
  type ConnectionField,
  type ConnectionSettings,
} from "../settings";

export type ConnectionInputs = { [F in ConnectionField]: pulumi.Input<string | undefined> | undefined };

/** A field not given: stack config (the secret read as a secret), then the environment. */
function ambient(field: ConnectionField, config: pulumi.Config): pulumi.Input<string | undefined> {
  const key = CONNECTION_SOURCES[field].config.replace(/^acquia:/, "");
  const fromConfig = field === "clientSecret" ? config.getSecret(key) : config.get(key);
  return fromConfig ?? environmentValue(CONNECTION_SOURCES[field]);
}

/** Every field as given, else from stack config (acquia:*), else from the ACLI_* variables. */
export function connectionInputs(given: Partial<ConnectionInputs>): ConnectionInputs {
  const config = new pulumi.Config("acquia");
  const pick = (field: ConnectionField) => given[field] ?? ambient(field, config);
  const clientSecret = pick("clientSecret");
  return {
    clientId: pick("clientId"),
    clientSecret: clientSecret === undefined ? undefined : pulumi.secret(clientSecret),
    organizationUuid: pick("organizationUuid"),
    apiUrl: pick("apiUrl"),
    tokenUrl: pick("tokenUrl"),
  };
}

/**
 * The settings dependents take, built from the inputs rather than the outputs: an optional output that
 * is absent (organizationUuid) reads as unknown during preview and would make every dependent show a
 * change. `proven` (the account the credentials reach) ties dependents to the Connection, so they wait
 * for its credentials check.
 */
export function connectionSettings(
  inputs: ConnectionInputs,
  proven: pulumi.Output<unknown>,
): pulumi.Output<ConnectionSettings> {
  const { clientId, clientSecret, organizationUuid, apiUrl, tokenUrl } = inputs;
  return pulumi.secret(
    pulumi
      .all([proven, clientId, clientSecret, organizationUuid, apiUrl, tokenUrl])
      .apply(([, clientId, clientSecret, organizationUuid, apiUrl, tokenUrl]) => {
        const urls = withDefaults({ apiUrl, tokenUrl });
        return {
          clientId: clientId ?? "",
          clientSecret: clientSecret ?? "",
          ...(organizationUuid ? { organizationUuid } : {}),
          apiUrl: urls.apiUrl,
          tokenUrl: urls.tokenUrl,
        };
      }),
  );
}

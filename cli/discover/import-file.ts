/**
 * The `pulumi import --file` document for plugin mode: the same resources as the program, under the
 * plugin's type tokens (`acquia:index:<Type>`) and the ids README's Reference documents, made from each
 * kind's own id format so the two never disagree.
 */
import { kind as codeDeployment } from "../../provider/kinds/code-deployment/definition";
import { kind as cronJob } from "../../provider/kinds/cron-job/definition";
import { kind as database } from "../../provider/kinds/database/definition";
import { kind as domain } from "../../provider/kinds/domain/definition";
import { kind as environment } from "../../provider/kinds/environment/definition";
import { kind as environmentCloudActions } from "../../provider/kinds/environment-cloud-actions/definition";
import { kind as environmentFlags } from "../../provider/kinds/environment-flags/definition";
import { kind as environmentSettings } from "../../provider/kinds/environment-settings/definition";
import { kind as environmentVariable } from "../../provider/kinds/environment-variable/definition";
import { formatId, type AnyKind } from "../../provider/kinds/kind";
import { kind as role } from "../../provider/kinds/role/definition";
import { kind as subscriptionIpAllowlist } from "../../provider/kinds/subscription-ip-allowlist/definition";
import { kind as teamMember } from "../../provider/kinds/team-member/definition";
import { kind as logForwardingDestination } from "../../provider/kinds/log-forwarding-destination/definition";
import { kind as sshKey } from "../../provider/kinds/ssh-key/definition";
import { kind as sslCertificate } from "../../provider/kinds/ssl-certificate/definition";
import { kind as team } from "../../provider/kinds/team/definition";
import { kind as teamApplication } from "../../provider/kinds/team-application/definition";

/** The kinds discover writes (every kind but the Connection, which holds nothing at Acquia). */
const KINDS: ReadonlyMap<string, AnyKind> = new Map(
  [
    codeDeployment,
    cronJob,
    database,
    domain,
    environment,
    environmentCloudActions,
    environmentFlags,
    environmentSettings,
    environmentVariable,
    logForwardingDestination,
    role,
    sshKey,
    sslCertificate,
    team,
    subscriptionIpAllowlist,
    teamApplication,
    teamMember,
  ].map((k: AnyKind) => [k.name, k]),
);

export interface ImportEntry {
  /** The kind's type name (`CronJob`). */
  type: string;
  /** The resource's name in the program. */
  name: string;
  /** The outputs its id format names (`environmentId`, `cronId`). */
  idParts: Record<string, string>;
}

export function importFile(entries: readonly ImportEntry[]): string {
  const resources = entries.map(({ type, name, idParts }) => {
    const kind = KINDS.get(type);
    if (!kind) throw new TypeError(`discover: no kind named ${type}`);
    return { type: `acquia:index:${type}`, name, id: formatId(kind, idParts) };
  });
  return `${JSON.stringify({ resources }, null, 2)}\n`;
}

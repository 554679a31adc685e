/**
 * What `discover` found at Acquia: a plain copy of the objects the provider can manage, made by the API
 * walk (walk.ts) and turned into a program by the generator (generate.ts). Secret values are kept as
 * Acquia returned them so the generator alone decides what reaches a file, and a test can prove none does.
 */
import type { FlagValues } from "../../provider/kinds/environment-flags/definition";

/** The kinds `--include`/`--exclude` take: the provider's kind folders (`cron-job`) or type names (`CronJob`). */
export const DISCOVER_KINDS = [
  "database",
  "environment",
  "environment-settings",
  "code-deployment",
  "environment-flags",
  "environment-cloud-actions",
  "environment-variable",
  "cron-job",
  "domain",
  "ssl-certificate",
  "log-forwarding-destination",
  "team",
  "ssh-key",
  "role",
  "team-member",
  "subscription-ip-allowlist",
] as const;
export type DiscoverKind = (typeof DISCOVER_KINDS)[number];

export interface DiscoveredApplication {
  uuid: string;
  name: string;
  organizationUuid?: string | undefined;
  /** Whether no other application the key sees has this name: only then can getApplication find it by name. */
  nameIsUnique: boolean;
}

export interface DiscoveredVariable {
  name: string;
  /** Secret: never written to a file. */
  value: string;
}

export interface DiscoveredCron {
  id: string;
  label: string;
  command: string;
  frequency: string;
  enabled: boolean;
}

export interface DiscoveredCertificate {
  id: string;
  /** The program's label: Acquia's label without the digest suffix the provider adds. */
  label: string;
  certificate: string;
  caCertificates?: string | undefined;
  /** Secret: never written to a file. */
  privateKey?: string | undefined;
  active: boolean;
}

export interface DiscoveredLogDestination {
  uuid: string;
  label: string;
  consumer: string;
  sources: string[];
  address?: string | undefined;
  /** The certificate is public (Acquia shows it in full); key and token are secrets only Acquia's digests reveal. */
  certificate?: string | undefined;
  hasKey: boolean;
  hasToken: boolean;
  enabled: boolean;
}

export type SettingValue = string | number;

export interface DiscoveredEnvironment {
  id: string;
  /** Machine name (`dev`): what getEnvironment takes. */
  name: string;
  label: string;
  /** A continuous-delivery environment: created by the API, so managed as an Environment resource. */
  cde: boolean;
  /** The deployed branch or `tags/<name>`. */
  branch?: string | undefined;
  /** The build artifact a Node.js environment runs, when its code came from one. */
  artifactId?: string | undefined;
  /** Database names copied into it (for a CD environment's `databases`). */
  databases: string[];
  /** Runtime settings by the EnvironmentSettings input names, only those its schema accepts. */
  settings: Record<string, SettingValue>;
  /**
   * EnvironmentFlags inputs as Acquia reports them: only the flags the environment has (no CDN or
   * mod_proxy on a CD environment, production mode only on a production one).
   */
  flags: FlagValues;
  /**
   * The enabled Cloud Actions by label (by id where the label would name another action), sorted;
   * undefined when Cloud Actions are unavailable for the environment or were not walked.
   */
  cloudActions?: string[] | undefined;
  variables: DiscoveredVariable[];
  crons: DiscoveredCron[];
  domains: string[];
  certificates: DiscoveredCertificate[];
  logDestinations: DiscoveredLogDestination[];
}

export interface DiscoveredTeam {
  uuid: string;
  name: string;
  organizationUuid: string;
  /** The applications on the team that the program gives it (a TeamApplication each). */
  applications: DiscoveredApplication[];
  /** Its members and open invitations (`--organization` only), a TeamMember each. */
  members: DiscoveredMember[];
}

/** A role as a TeamMember refers to it: a custom one by its Role resource, Acquia's own by name. */
export interface RoleRef {
  uuid: string;
  name: string;
}

export interface DiscoveredMember {
  email: string;
  /** Sorted by name, so the program does not depend on Acquia's order. */
  roles: RoleRef[];
}

/** One of the organization's custom roles (Acquia's defaults cannot be changed, so are not written). */
export interface DiscoveredRole {
  uuid: string;
  name: string;
  /** Only when Acquia holds one: an empty description is left out. */
  description?: string | undefined;
  permissions: string[];
}

/** A Shield subscription's IP allowlist, as its rules stand. */
export interface DiscoveredAllowlist {
  subscriptionUuid: string;
  subscriptionName: string;
  /** Whether no other visible subscription has this name: only then can getSubscription find it by name. */
  nameIsUnique: boolean;
  entries: { description: string; addresses: string[] }[];
}

export interface DiscoveredOrganization {
  uuid: string;
  name: string;
}

export interface DiscoveredSshKey {
  uuid: string;
  label: string;
  publicKey: string;
}

/** An object seen but left out of the program, and why (printed in the summary). */
export interface Skipped {
  kind: DiscoverKind;
  what: string;
  reason: string;
}

/** How the command reached Acquia, for the `pulumi config set` lines (never the secret). */
export interface DiscoveredConnection {
  clientId: string;
  organizationUuid?: string | undefined;
  /** Only when not Acquia's own endpoints. */
  apiUrl?: string | undefined;
  tokenUrl?: string | undefined;
}

/**
 * What was discovered: one application (its environments, databases, the teams with access to it), or
 * with `--organization` an organization's teams (their applications and people), custom roles and Shield
 * allowlists; SSH keys in both.
 */
export type Scope = { application: DiscoveredApplication } | { organization: DiscoveredOrganization };

export interface Estate {
  scope: Scope;
  connection: DiscoveredConnection;
  /** The kinds walked: the generator writes nothing of the others. */
  kinds: readonly DiscoverKind[];
  databases: string[];
  environments: DiscoveredEnvironment[];
  teams: DiscoveredTeam[];
  sshKeys: DiscoveredSshKey[];
  /** `--organization` only: custom roles, and the allowlists of its Shield subscriptions. */
  roles: DiscoveredRole[];
  allowlists: DiscoveredAllowlist[];
  skipped: Skipped[];
}

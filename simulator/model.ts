// The simulator's stored objects. Records hold what Acquia would store; the HAL shapes clients see are
// rendered from them per request (routes/*.ts), so links always point at the running server.

export interface PhpConfiguration {
  version: string;
  memory_limit: number;
  opcache: number;
  apcu: number;
  interned_strings_buffer: number;
  client_max_body_size: number;
  upload_max_filesize: number;
  max_execution_time: number;
  max_post_size: number;
  max_input_vars: number;
  memcached_limit: number;
}

export interface AccountRecord {
  id: number;
  uuid: string;
  name: string;
  first_name: string;
  last_name: string;
  mail: string;
  created_at: string;
  last_login_at: string;
  company: string;
  job_title: string;
  job_function: string;
  country: string;
  state: string;
  timezone: string;
}

export interface OrganizationRecord {
  uuid: string;
  id: string;
  name: string;
  federatedAuthentication: boolean;
  ownerUuid: string;
  /** Accounts that belong to the organization: only they can see its objects. */
  memberUuids: string[];
}

export interface SubscriptionRecord {
  uuid: string;
  name: string;
  organizationUuid: string;
  /** Whether the subscription has Acquia Shield: only then does it take Shield ACL rules. */
  shield: boolean;
}

export interface CodeReference {
  name: string;
  tag: boolean;
}

export type ApplicationType = "drupal" | "node" | "ssg";

export interface ApplicationRecord {
  uuid: string;
  id: number;
  name: string;
  /** Null for applications Acquia has no type for (rendered as null under the nullFields rule). */
  type: ApplicationType | null;
  sitename: string;
  organizationUuid: string;
  subscriptionUuid: string;
  hostingId: string;
  vcsUrl: string;
  references: CodeReference[];
}

export interface EnvironmentRecord {
  id: string;
  applicationUuid: string;
  name: string;
  label: string;
  cde: boolean;
  production: boolean;
  vcsPath: string;
  operatingSystem: string;
  php: PhpConfiguration;
  region: string;
  ips: string[];
  /** While on, Acquia refuses to copy databases or files into the environment. */
  productionMode: boolean;
  /** Platform CDN. */
  cdn: boolean;
  /** Apache mod_proxy. */
  modProxy: boolean;
  /** Acquia's fixed set of Cloud Actions, each with whether deployments run it by default. */
  cloudActions: CloudActionRecord[];
  /**
   * Cloud Actions switched off for the environment as a whole (POST …/cloud-actions/actions/disable):
   * deployments run none, and the list answers as not available. Absent means on.
   */
  cloudActionsDisabled?: boolean;
  /** The artifact the environment runs, when its code was deployed from one. */
  artifact: { id: number; name: string } | null;
  /** Dedicated egress IPs (Acquia's Web EIPs): what outbound traffic comes from. Most have none. */
  egressIps: EgressIpRecord[];
}

export interface EgressIpRecord {
  id: string;
  ipv4: string;
  ipv6: string;
  /** Whether it carries traffic now (a replaced one stays listed until Acquia releases it). */
  active: boolean;
}

export interface CloudActionRecord {
  id: string;
  label: string;
  description: string;
  type: "pre-deployment" | "post-deployment";
  enabled: boolean;
  /** Whether Acquia enables it for a new environment (what a reset goes back to). */
  isDefault: boolean;
}

/** A database backup: Acquia's daily ones and those asked for on demand. */
export interface DatabaseBackupRecord {
  id: number;
  environmentId: string;
  databaseName: string;
  type: "daily" | "ondemand";
  startedAt: string;
  completedAt: string;
}

export interface ArtifactRecord {
  id: number;
  applicationUuid: string;
  name: string;
  state: "ready" | "pending-upload" | "upload-failed" | "deleted";
  createdAt: string;
}

export interface ApplicationDatabaseRecord {
  applicationUuid: string;
  name: string;
  isDefault: boolean;
}

export interface EnvironmentDatabaseRecord {
  id: number;
  environmentId: string;
  name: string;
  userName: string;
  password: string;
  isDefault: boolean;
}

export interface VariableRecord {
  environmentId: string;
  name: string;
  value: string;
}

export interface DomainRecord {
  environmentId: string;
  hostname: string;
  isDefault: boolean;
}

export interface CronRecord {
  id: string;
  environmentId: string;
  label: string;
  command: string;
  minute: string;
  hour: string;
  dayMonth: string;
  month: string;
  dayWeek: string;
  enabled: boolean;
  system: boolean;
}

export interface LogForwardingRecord {
  uuid: string;
  environmentId: string;
  label: string;
  consumer: string;
  sources: string[];
  address: string;
  certificate: string | null;
  certificateExpiresAt: string | null;
  key: string | null;
  token: string | null;
  enabled: boolean;
}

export interface CertificateRecord {
  id: number;
  environmentId: string;
  label: string | null;
  certificate: string;
  privateKey: string;
  ca: string;
  active: boolean;
  legacy: boolean;
  csrId: number | null;
  expiresAt: string;
  domains: string[];
}

export interface SshKeyRecord {
  uuid: string;
  label: string;
  publicKey: string;
  fingerprint: string;
  createdAt: string;
}

export interface ApiTokenRecord {
  uuid: string;
  label: string;
  /** The key (client id) the token authenticates with. */
  clientId: string;
  /** sha256 of the secret: the state file never holds a usable secret. */
  secretSha256: string;
  createdAt: string;
  /** Set once revoked: the token stays listed, inactive. */
  revocation: string | null;
}

export interface ShieldAclRuleRecord {
  uuid: string;
  subscriptionUuid: string;
  description: string;
  addresses: string[];
  service: string;
  action: string;
}

export interface IdentityProviderRecord {
  uuid: string;
  organizationUuid: string;
  label: string;
  idpEntityId: string;
  spEntityId: string;
  ssoUrl: string;
  certificate: string;
  status: "enabled" | "disabled";
}

export interface TeamRecord {
  uuid: string;
  name: string;
  organizationUuid: string;
  createdAt: string;
  updatedAt: string;
}

export interface TeamApplicationRecord {
  teamUuid: string;
  applicationUuid: string;
}

/** A custom or default role of an organization; its permissions are names from the permission vocabulary. */
export interface RoleRecord {
  uuid: string;
  name: string;
  /** Empty when none was given: the spec's role has a string here, never null. */
  description: string;
  organizationUuid: string;
  permissions: string[];
  /** Acquia's built-in roles (flags.default). */
  isDefault: boolean;
  editedAt: string;
}

/** A person known to Acquia other than the demo account: an accepted invite makes one. */
export interface PersonRecord {
  uuid: string;
  mail: string;
  username: string;
  firstName: string;
  lastName: string;
}

/** A person on a team, with the uuids of the roles they hold there. */
export interface TeamMemberRecord {
  teamUuid: string;
  userUuid: string;
  roleUuids: string[];
}

/** A person administering an organization. */
export interface OrganizationAdminRecord {
  organizationUuid: string;
  userUuid: string;
}

/**
 * An invitation by email, keyed by its token: to a team with roles (teamUuid set), or to administer
 * the organization (teamUuid null). Accepting it makes the membership and closes the invite.
 */
export interface InviteRecord {
  token: string;
  uuid: string;
  email: string;
  organizationUuid: string;
  teamUuid: string | null;
  roleUuids: string[];
  createdAt: string;
  declined: boolean;
  acceptedAt: string | null;
}

export type NotificationStatus = "in-progress" | "completed" | "failed";

export interface NotificationRecord {
  uuid: string;
  event: string;
  label: string;
  description: string;
  createdAt: string;
  createdAtMs: number;
  dueAtMs: number;
  completedAt: string | null;
  status: NotificationStatus;
  /** Set by a failTask fault: the task ends `failed` with this message and its changes are dropped. */
  failureMessage: string | null;
  /** Set by a stallTask fault: the task never leaves `in-progress`. */
  stalled: boolean;
  /** The organization the task's resource belongs to, so federated tasks stay behind the org scope. */
  organizationUuid: string | null;
  context: Record<string, unknown>;
  ops: StoreOp[];
}

/** Every keyed collection of the state; a StoreOp names one of these. */
export interface Collections {
  organizations: Record<string, OrganizationRecord>;
  subscriptions: Record<string, SubscriptionRecord>;
  applications: Record<string, ApplicationRecord>;
  environments: Record<string, EnvironmentRecord>;
  applicationDatabases: Record<string, ApplicationDatabaseRecord>;
  environmentDatabases: Record<string, EnvironmentDatabaseRecord>;
  databaseBackups: Record<string, DatabaseBackupRecord>;
  artifacts: Record<string, ArtifactRecord>;
  variables: Record<string, VariableRecord>;
  domains: Record<string, DomainRecord>;
  crons: Record<string, CronRecord>;
  logForwardingDestinations: Record<string, LogForwardingRecord>;
  certificates: Record<string, CertificateRecord>;
  sshKeys: Record<string, SshKeyRecord>;
  apiTokens: Record<string, ApiTokenRecord>;
  shieldAclRules: Record<string, ShieldAclRuleRecord>;
  identityProviders: Record<string, IdentityProviderRecord>;
  teams: Record<string, TeamRecord>;
  teamApplications: Record<string, TeamApplicationRecord>;
  roles: Record<string, RoleRecord>;
  people: Record<string, PersonRecord>;
  teamMembers: Record<string, TeamMemberRecord>;
  organizationAdmins: Record<string, OrganizationAdminRecord>;
  invites: Record<string, InviteRecord>;
  notifications: Record<string, NotificationRecord>;
}

export type CollectionName = keyof Collections;
export type RecordOf<C extends CollectionName> = Collections[C][string];

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/**
 * A deferred change, recorded when an async operation is accepted and applied when its task completes.
 * Plain data so that in-flight tasks survive a restart with --state.
 */
export type StoreOp =
  | {
      [C in CollectionName]: {
        op: "put";
        collection: C;
        key: string;
        value: RecordOf<C>;
        /** Fields set to the time the op is applied: a task's completion, not its start. */
        stamp?: Array<keyof RecordOf<C> & string>;
      };
    }[CollectionName]
  | {
      [C in CollectionName]: { op: "patch"; collection: C; key: string; patch: DeepPartial<RecordOf<C>> };
    }[CollectionName]
  | { op: "delete"; collection: CollectionName; key: string }
  | { op: "deleteWhere"; collection: CollectionName; field: string; equals: string };

export interface Sequences {
  environment: number;
  environmentDatabase: number;
  certificate: number;
  databaseBackup: number;
}

export interface State extends Collections {
  account: AccountRecord;
  sequences: Sequences;
}

export interface TokenRecord {
  /** sha256 of the access token, so the state file never holds a usable token. */
  hash: string;
  clientId: string;
  scope: string | null;
  organizationUuids: string[];
  issuedAtMs: number;
  expiresAtMs: number;
  revokedExpired: boolean;
}

export interface Credentials {
  clientId: string;
  clientSecret: string;
}

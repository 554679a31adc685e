import { createHash } from "node:crypto";
import type {
  ApplicationRecord,
  CloudActionRecord,
  Credentials,
  EnvironmentDatabaseRecord,
  EgressIpRecord,
  EnvironmentRecord,
  PhpConfiguration,
  State,
} from "./model";

// Deterministic seed ids, borrowed from the spec's own examples where one fits, so documentation,
// tests and users' programs can name them without asking the simulator first.
export const SEED = {
  accountUuid: "5391a8a9-d273-4f88-8114-7f884bbfe08b",
  organizationUuid: "6a907396-abfd-4d01-9da6-64c8efc04519",
  federatedOrganizationUuid: "1992bfe6-c5bf-4a90-810e-a65acab42c6e",
  subscriptionUuid: "f47ac10b-58cc-4372-a567-0e02b2c3d470",
  federatedSubscriptionUuid: "be3a7975-d62b-4e29-b24f-dfb2a43468e6",
  applicationUuid: "a47ac10b-58cc-4372-a567-0e02b2c3d470",
  federatedApplicationUuid: "a47ac10b-58cc-4372-a567-0e02b2c3d471",
  environments: {
    dev: "24-a47ac10b-58cc-4372-a567-0e02b2c3d470",
    test: "25-a47ac10b-58cc-4372-a567-0e02b2c3d470",
    prod: "26-a47ac10b-58cc-4372-a567-0e02b2c3d470",
  },
  federatedEnvironmentId: "31-a47ac10b-58cc-4372-a567-0e02b2c3d471",
  teamUuid: "2c9ea556-4016-11e3-9170-12313920a02c",
  federatedTeamUuid: "4b30d7e6-84af-4d80-931a-4172f57fe1b0",
  prodCronId: "e82b77cc-a9ed-4458-b12c-d87af1a795ad",
  /** The platform's own backup cron on each Acme Web environment (flags.system: cannot be modified). */
  systemCronIds: {
    dev: "8eea655e-71be-4c71-bf5b-9c5c9a5c5b41",
    test: "8eea655e-71be-4c71-bf5b-9c5c9a5c5b42",
    prod: "8eea655e-71be-4c71-bf5b-9c5c9a5c5b43",
  },
  /** A Node.js application of the main organization: its code is deployed as build artifacts. */
  nodeApplicationUuid: "a47ac10b-58cc-4372-a567-0e02b2c3d473",
  nodeEnvironments: {
    dev: "60-a47ac10b-58cc-4372-a567-0e02b2c3d473",
    prod: "61-a47ac10b-58cc-4372-a567-0e02b2c3d473",
  },
  /** Build artifacts of the Node.js application: one ready to deploy, one whose upload failed. */
  artifacts: { ready: "7001", failed: "7002" },
  /** An application of the main organization whose type Acquia reports as null. */
  legacyApplicationUuid: "a47ac10b-58cc-4372-a567-0e02b2c3d472",
  /** An organization the demo account is not a member of: its objects answer 404 (hideInvisible). */
  foreignOrganizationUuid: "0b7e6a3c-3c2f-4f6e-9d7a-5a1c2e9f4b11",
  foreignSubscriptionUuid: "0b7e6a3c-3c2f-4f6e-9d7a-5a1c2e9f4b12",
  foreignApplicationUuid: "b58d2e3f-7a41-4c9e-8f12-3d6a9c0e5b77",
  foreignEnvironments: {
    dev: "50-b58d2e3f-7a41-4c9e-8f12-3d6a9c0e5b77",
    prod: "51-b58d2e3f-7a41-4c9e-8f12-3d6a9c0e5b77",
  },
  foreignTeamUuid: "0b7e6a3c-3c2f-4f6e-9d7a-5a1c2e9f4b13",
  /** Acquia's default roles of the main organization (flags.default), ids from the spec's examples. */
  roles: {
    teamLead: "312c0121-906b-4498-8402-7b479172768c",
    seniorDeveloper: "5f7da0a9-9ff0-4db8-802e-9d2b9969efc2",
    developer: "3c9a1174-4016-11e3-9170-12313920a02d",
  },
  /** A person already on the Developers team (a Senior Developer), from the spec's members example. */
  memberUuid: "5aa902c5-f1c1-6c94-edfa-86bc58d0dce3",
  memberMail: "james.kirk@example.com",
  /** The SAML identity provider of Acme Platform, registered in Cloud UI and not enabled yet. */
  identityProviderUuid: "1bc5dbb4-6d59-403b-afc7-777e520aaa40",
  /** The owner and only member of the foreign organization. */
  foreignAccountUuid: "9d1f3b52-6c0e-4e8a-b7d4-2f5a8c3e1d60",
} as const;

/** The demo API key. The secret is public on purpose: it only ever opens this simulator. */
export const SEED_CREDENTIALS: Readonly<Credentials> = {
  clientId: "17feaf34-5d04-402b-9a67-15d5161d24e1",
  clientSecret: "c2ltdWxhdG9yLWRlbW8tc2VjcmV0LWRvLW5vdC11c2U=",
};

const SEED_TIME = "2024-01-15T09:30:00+00:00";

/** The seeded identity provider's signing certificate: self-signed, valid until 2126. */
export const SEED_IDP_CERTIFICATE =
  "-----BEGIN CERTIFICATE-----\n" +
  "MIIBjDCCATOgAwIBAgIUUsbcu6XIMKcZLF44+iBnv/IPefEwCgYIKoZIzj0EAwIw\n" +
  "GzEZMBcGA1UEAwwQaWRwLmFjbWUuZXhhbXBsZTAgFw0yNjExMjkwODA3MzZaGA8y\n" +
  "MTI2MTEwNTA4MDczNlowGzEZMBcGA1UEAwwQaWRwLmFjbWUuZXhhbXBsZTBZMBMG\n" +
  "ByqGSM49AgEGCCqGSM49AwEHA0IABK9Nw1bV4My+qEKcnlua2bTeFQPOdca4FH0a\n" +
  "DaRrOYn8qBauckx/gOp/fvljfrHcGl58V34VzSx6sl0/F6tsXLyjUzBRMB0GA1Ud\n" +
  "DgQWBBShtujqkOD2eavCLNMy1EaJcM8dwzAfBgNVHSMEGDAWgBShtujqkOD2eavC\n" +
  "LNMy1EaJcM8dwzAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0cAMEQCICgT\n" +
  "xfhq82Oui4CEsW9MQq6i9W4TXF1TLpewUEt1XXdiAiBhQLXevr7Zh+2npWEd6j2d\n" +
  "E89KCAFoo5kybUKaeq+EhA==\n" +
  "-----END CERTIFICATE-----\n";

export function defaultPhpConfiguration(): PhpConfiguration {
  return {
    version: "8.3",
    memory_limit: 128,
    opcache: 96,
    apcu: 32,
    interned_strings_buffer: 8,
    client_max_body_size: 256,
    upload_max_filesize: 256,
    max_execution_time: 300,
    max_post_size: 256,
    max_input_vars: 1000,
    memcached_limit: 64,
  };
}

// Acquia's Cloud Actions carry the same id on every environment (the spec's examples reuse them).
const CLOUD_ACTIONS: Array<Omit<CloudActionRecord, "enabled">> = [
  {
    id: "f668295f-cbba-472d-8b75-c76ab89e553a",
    label: "Backup all databases",
    description: "Backs up all environment databases",
    type: "pre-deployment",
    isDefault: true,
  },
  {
    id: "fb4aa87a-8be2-42c6-bdf0-ef9d09a3de70",
    label: "Turn on Drupal maintenance mode",
    description: "Turns on maintenance mode on the Drupal site",
    type: "pre-deployment",
    isDefault: false,
  },
  {
    id: "9440be70-c042-47ae-9134-e85acbbd6edf",
    label: "Run database updates",
    description: "Runs pending Drupal database updates (drush updatedb)",
    type: "post-deployment",
    isDefault: true,
  },
  {
    id: "3c0b5e43-4f0c-4bd8-9ab5-6f2a8e1d7c21",
    label: "Import configuration",
    description: "Imports Drupal configuration (drush config:import)",
    type: "post-deployment",
    isDefault: false,
  },
  {
    id: "102590e4-382b-4726-8b3f-855d5ca4225d",
    label: "Clear all Drupal caches",
    description: "Clears all Drupal caches",
    type: "post-deployment",
    isDefault: true,
  },
];

/** What a new environment starts with besides its code and PHP: flags off, Cloud Actions at default. */
export function environmentDefaults(
  production: boolean,
): Pick<
  EnvironmentRecord,
  "productionMode" | "cdn" | "modProxy" | "cloudActions" | "artifact" | "egressIps"
> {
  return {
    productionMode: production,
    cdn: false,
    modProxy: false,
    cloudActions: CLOUD_ACTIONS.map((action) => ({ ...action, enabled: action.isDefault })),
    artifact: null,
    // Dedicated egress IPs are a purchased add-on, never part of a new environment.
    egressIps: [],
  };
}

/**
 * A Web EIP with a stable id, and its IPv6 form written as the spec's example writes it (the IPv4
 * address mapped into IPv6).
 */
export function egressIp(environmentId: string, ipv4: string, active = true): EgressIpRecord {
  const hex = createHash("sha256").update(`acquia-simulator:eip:${environmentId}/${ipv4}`).digest("hex");
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  const [a = 0, b = 0, c = 0, d = 0] = ipv4.split(".").map(Number);
  const word = (high: number, low: number) => ((high << 8) | low).toString(16);
  return { id, ipv4, ipv6: `0:0:0:0:0:ffff:${word(a, b)}:${word(c, d)}`, active };
}

/** A stable, realistic-looking database password derived from where the database lives. */
export function databasePassword(seed: string): string {
  return createHash("sha256").update(`acquia-simulator:${seed}`).digest("hex").slice(0, 20);
}

function environment(
  app: ApplicationRecord,
  id: string,
  name: string,
  label: string,
  vcsPath: string,
  production: boolean,
  ip: string,
  egressIps: string[] = [],
): EnvironmentRecord {
  return {
    id,
    applicationUuid: app.uuid,
    name,
    label,
    cde: false,
    production,
    vcsPath,
    operatingSystem: "jammy",
    php: defaultPhpConfiguration(),
    region: "us-east-1",
    ips: [ip],
    ...environmentDefaults(production),
    egressIps: egressIps.map((address) => egressIp(id, address)),
  };
}

export function createSeedState(): State {
  const acmeWeb: ApplicationRecord = {
    uuid: SEED.applicationUuid,
    id: 241643,
    name: "Acme Web",
    type: "drupal",
    sitename: "acmeweb",
    organizationUuid: SEED.organizationUuid,
    subscriptionUuid: SEED.subscriptionUuid,
    hostingId: "devcloud:acmeweb",
    vcsUrl: "acmeweb@svn-3.hosted.acquia-sites.com:acmeweb.git",
    references: [
      { name: "main", tag: false },
      { name: "develop", tag: false },
      { name: "tags/2024-01-15", tag: true },
      { name: "tags/v1.0.0", tag: true },
    ],
  };
  const legacy: ApplicationRecord = {
    uuid: SEED.legacyApplicationUuid,
    id: 241650,
    name: "Acme Legacy",
    type: null,
    sitename: "acmelegacy",
    organizationUuid: SEED.organizationUuid,
    subscriptionUuid: SEED.subscriptionUuid,
    hostingId: "devcloud:acmelegacy",
    vcsUrl: "acmelegacy@svn-3.hosted.acquia-sites.com:acmelegacy.git",
    references: [{ name: "master", tag: false }],
  };
  const storefront: ApplicationRecord = {
    uuid: SEED.nodeApplicationUuid,
    id: 241655,
    name: "Acme Storefront",
    type: "node",
    sitename: "acmestorefront",
    organizationUuid: SEED.organizationUuid,
    subscriptionUuid: SEED.subscriptionUuid,
    hostingId: "devcloud:acmestorefront",
    vcsUrl: "acmestorefront@svn-3.hosted.acquia-sites.com:acmestorefront.git",
    references: [{ name: "main", tag: false }],
  };
  const globex: ApplicationRecord = {
    uuid: SEED.foreignApplicationUuid,
    id: 730114,
    name: "Globex Portal",
    type: "drupal",
    sitename: "globexportal",
    organizationUuid: SEED.foreignOrganizationUuid,
    subscriptionUuid: SEED.foreignSubscriptionUuid,
    hostingId: "devcloud:globexportal",
    vcsUrl: "globexportal@svn-5.hosted.acquia-sites.com:globexportal.git",
    references: [{ name: "main", tag: false }],
  };
  const intranet: ApplicationRecord = {
    uuid: SEED.federatedApplicationUuid,
    id: 954291,
    name: "Acme Intranet",
    type: "drupal",
    sitename: "acmeintranet",
    organizationUuid: SEED.federatedOrganizationUuid,
    subscriptionUuid: SEED.federatedSubscriptionUuid,
    hostingId: "devcloud:acmeintranet",
    vcsUrl: "acmeintranet@svn-3.hosted.acquia-sites.com:acmeintranet.git",
    references: [
      { name: "main", tag: false },
      { name: "tags/v2.3.0", tag: true },
    ],
  };

  const environments: EnvironmentRecord[] = [
    // Dev environments have no dedicated egress IPs (their answer is an empty collection).
    environment(acmeWeb, SEED.environments.dev, "dev", "Dev", "develop", false, "10.0.1.5"),
    environment(acmeWeb, SEED.environments.test, "test", "Stage", "main", false, "10.0.1.6", [
      "203.0.113.16",
    ]),
    environment(acmeWeb, SEED.environments.prod, "prod", "Production", "tags/v1.0.0", true, "10.0.1.7", [
      "203.0.113.24",
      "203.0.113.25",
    ]),
    environment(storefront, SEED.nodeEnvironments.dev, "dev", "Dev", "main", false, "10.0.1.8"),
    environment(storefront, SEED.nodeEnvironments.prod, "prod", "Production", "main", true, "10.0.1.9", [
      "203.0.113.40",
    ]),
    environment(intranet, SEED.federatedEnvironmentId, "prod", "Production", "main", true, "10.0.2.5", [
      "198.51.100.40",
    ]),
    environment(globex, SEED.foreignEnvironments.dev, "dev", "Dev", "main", false, "10.0.9.5"),
    environment(globex, SEED.foreignEnvironments.prod, "prod", "Production", "main", true, "10.0.9.6", [
      "198.51.100.90",
    ]),
  ];

  const state: State = {
    account: {
      id: 1234567,
      uuid: SEED.accountUuid,
      name: "jane.doe",
      first_name: "Jane",
      last_name: "Doe",
      mail: "jane.doe@example.com",
      created_at: "2016-07-17T20:35:25+00:00",
      last_login_at: SEED_TIME,
      company: "Acme, Inc.",
      job_title: "Platform Engineer",
      job_function: "IT Architect or IT Operations",
      country: "United States",
      state: "Massachusetts",
      timezone: "America/New_York",
    },
    organizations: {
      [SEED.organizationUuid]: {
        uuid: SEED.organizationUuid,
        id: "6",
        name: "Acme Platform",
        federatedAuthentication: false,
        ownerUuid: SEED.accountUuid,
        memberUuids: [SEED.accountUuid],
      },
      [SEED.federatedOrganizationUuid]: {
        uuid: SEED.federatedOrganizationUuid,
        id: "4841",
        name: "Acme Federated",
        federatedAuthentication: true,
        ownerUuid: SEED.accountUuid,
        memberUuids: [SEED.accountUuid],
      },
      [SEED.foreignOrganizationUuid]: {
        uuid: SEED.foreignOrganizationUuid,
        id: "7122",
        name: "Globex Corporation",
        federatedAuthentication: false,
        ownerUuid: SEED.foreignAccountUuid,
        memberUuids: [SEED.foreignAccountUuid],
      },
    },
    subscriptions: {
      [SEED.subscriptionUuid]: {
        uuid: SEED.subscriptionUuid,
        name: "Acme Platform Enterprise",
        organizationUuid: SEED.organizationUuid,
        shield: true,
      },
      [SEED.federatedSubscriptionUuid]: {
        uuid: SEED.federatedSubscriptionUuid,
        name: "Acme Federated Enterprise",
        organizationUuid: SEED.federatedOrganizationUuid,
        shield: false,
      },
      [SEED.foreignSubscriptionUuid]: {
        uuid: SEED.foreignSubscriptionUuid,
        name: "Globex Enterprise",
        organizationUuid: SEED.foreignOrganizationUuid,
        shield: false,
      },
    },
    applications: Object.fromEntries([acmeWeb, legacy, storefront, intranet, globex].map((a) => [a.uuid, a])),
    environments: Object.fromEntries(environments.map((e) => [e.id, e])),
    applicationDatabases: {},
    environmentDatabases: {},
    variables: {},
    domains: {},
    crons: {},
    logForwardingDestinations: {},
    certificates: {},
    sshKeys: {},
    apiTokens: {},
    shieldAclRules: {},
    identityProviders: {
      [SEED.identityProviderUuid]: {
        uuid: SEED.identityProviderUuid,
        organizationUuid: SEED.organizationUuid,
        label: "Acme SSO",
        idpEntityId: "https://idp.acme.example/saml",
        spEntityId: `https://accounts.acquia.com/api/auth/saml/${SEED.identityProviderUuid}`,
        ssoUrl: "https://idp.acme.example/sso",
        certificate: SEED_IDP_CERTIFICATE,
        status: "disabled",
      },
    },
    teams: {
      [SEED.teamUuid]: {
        uuid: SEED.teamUuid,
        name: "Developers",
        organizationUuid: SEED.organizationUuid,
        createdAt: SEED_TIME,
        updatedAt: SEED_TIME,
      },
      [SEED.federatedTeamUuid]: {
        uuid: SEED.federatedTeamUuid,
        name: "Intranet Admins",
        organizationUuid: SEED.federatedOrganizationUuid,
        createdAt: SEED_TIME,
        updatedAt: SEED_TIME,
      },
      [SEED.foreignTeamUuid]: {
        uuid: SEED.foreignTeamUuid,
        name: "Globex Developers",
        organizationUuid: SEED.foreignOrganizationUuid,
        createdAt: SEED_TIME,
        updatedAt: SEED_TIME,
      },
    },
    teamApplications: {
      [`${SEED.teamUuid}/${acmeWeb.uuid}`]: { teamUuid: SEED.teamUuid, applicationUuid: acmeWeb.uuid },
      [`${SEED.federatedTeamUuid}/${intranet.uuid}`]: {
        teamUuid: SEED.federatedTeamUuid,
        applicationUuid: intranet.uuid,
      },
      [`${SEED.foreignTeamUuid}/${globex.uuid}`]: {
        teamUuid: SEED.foreignTeamUuid,
        applicationUuid: globex.uuid,
      },
    },
    roles: Object.fromEntries(
      (
        [
          [SEED.roles.teamLead, "Team Lead", ["administer team", "access cloud api"]],
          [SEED.roles.seniorDeveloper, "Senior Developer", ["access cloud api", "deploy to prod"]],
          [SEED.roles.developer, "Developer", ["access cloud api", "deploy to non-prod"]],
        ] as const
      ).map(([uuid, name, permissions]) => [
        uuid,
        {
          uuid,
          name,
          description: `Acquia's default ${name} role.`,
          organizationUuid: SEED.organizationUuid,
          permissions: [...permissions],
          isDefault: true,
          editedAt: SEED_TIME,
        },
      ]),
    ),
    people: {
      [SEED.memberUuid]: {
        uuid: SEED.memberUuid,
        mail: SEED.memberMail,
        username: "james.kirk",
        firstName: "James",
        lastName: "Kirk",
      },
    },
    teamMembers: {
      [`${SEED.teamUuid}/${SEED.memberUuid}`]: {
        teamUuid: SEED.teamUuid,
        userUuid: SEED.memberUuid,
        roleUuids: [SEED.roles.seniorDeveloper],
      },
    },
    // Each organization's owner administers it.
    organizationAdmins: Object.fromEntries(
      [SEED.organizationUuid, SEED.federatedOrganizationUuid].map((org) => [
        `${org}/${SEED.accountUuid}`,
        { organizationUuid: org, userUuid: SEED.accountUuid },
      ]),
    ),
    invites: {},
    databaseBackups: {},
    artifacts: {},
    notifications: {},
    sequences: { environment: 40, environmentDatabase: 100, certificate: 1, databaseBackup: 500 },
  };

  const appDatabases: Array<[ApplicationRecord, string, boolean]> = [
    [acmeWeb, "acmeweb", true],
    [acmeWeb, "acmeweb_reporting", false],
    [intranet, "acmeintranet", true],
    [globex, "globexportal", true],
  ];
  for (const [app, name, isDefault] of appDatabases) {
    state.applicationDatabases[`${app.uuid}/${name}`] = { applicationUuid: app.uuid, name, isDefault };
    for (const env of environments.filter((e) => e.applicationUuid === app.uuid)) {
      const record: EnvironmentDatabaseRecord = {
        id: state.sequences.environmentDatabase++,
        environmentId: env.id,
        name,
        userName: `${app.sitename}${env.name}`.slice(0, 16),
        password: databasePassword(`${env.id}/${name}`),
        isDefault,
      };
      state.environmentDatabases[`${env.id}/${name}`] = record;
      // Acquia's nightly backup of every database.
      const backup = state.sequences.databaseBackup++;
      state.databaseBackups[`${env.id}/${name}/${backup}`] = {
        id: backup,
        environmentId: env.id,
        databaseName: name,
        type: "daily",
        startedAt: SEED_TIME,
        completedAt: SEED_TIME,
      };
    }
  }
  for (const [id, name, artifactState] of [
    [SEED.artifacts.ready, "main@e5a80b9e0a2bdb1df32c6cdfce54deb70cc20ad2", "ready"],
    [SEED.artifacts.failed, "main@9c1185a5c5e9fc54612808977ee8f548b2258d31", "upload-failed"],
  ] as const) {
    state.artifacts[id] = {
      id: Number(id),
      applicationUuid: storefront.uuid,
      name,
      state: artifactState,
      createdAt: SEED_TIME,
    };
  }

  const applicationOf = (env: EnvironmentRecord): ApplicationRecord =>
    [acmeWeb, storefront, intranet, globex].find((app) => app.uuid === env.applicationUuid) ?? acmeWeb;
  for (const env of environments) {
    const app = applicationOf(env);
    const hostname = `${app.sitename}${env.name}.prod.acquia-sites.com`;
    state.domains[`${env.id}/${hostname}`] = { environmentId: env.id, hostname, isDefault: true };
  }
  const custom = "www.acmeweb.example.com";
  state.domains[`${SEED.environments.prod}/${custom}`] = {
    environmentId: SEED.environments.prod,
    hostname: custom,
    isDefault: false,
  };

  state.crons[SEED.prodCronId] = {
    id: SEED.prodCronId,
    environmentId: SEED.environments.prod,
    label: "Drupal cron",
    command: "/usr/local/bin/drush -r /var/www/html/acmeweb.prod/docroot cron",
    minute: "*/15",
    hour: "*",
    dayMonth: "*",
    month: "*",
    dayWeek: "*",
    enabled: true,
    system: false,
  };
  // Acquia's own cron on every environment, as in the spec's list example ("Run backup").
  for (const [name, id] of Object.entries(SEED.systemCronIds)) {
    state.crons[id] = {
      id,
      environmentId: SEED.environments[name as keyof typeof SEED.environments],
      label: "Run backup",
      command: `/usr/local/bin/drush -r /var/www/html/acmeweb.${name}/docroot ah-db-backup acmeweb`,
      minute: "12",
      hour: "9",
      dayMonth: "*",
      month: "*",
      dayWeek: "*",
      enabled: true,
      system: true,
    };
  }

  return state;
}

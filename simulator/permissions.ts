/**
 * The permission vocabulary of `GET /permissions`, as the spec's example lists it: name, label, group
 * label, deprecated. Roles may grant only these names.
 */
export interface Permission {
  name: string;
  label: string;
  groupLabel: string;
  deprecated: boolean;
}

const ROWS: ReadonlyArray<readonly [string, string, string, boolean]> = [
  [
    "deploy to non-prod",
    "Pull and deploy code, files, or databases to non-production environments",
    "Workflow",
    false,
  ],
  ["deploy to prod", "Deploy code, files, or databases to the production environment", "Workflow", false],
  ["pull from prod", "Pull files or databases from the production environment", "Workflow", false],
  ["move file to non-prod", "Move files to non-production environments", "Workflow", false],
  ["move file to prod", "Move files to the production environment", "Workflow", false],
  ["move file from prod", "Move files from production environments", "Workflow", false],
  ["move file from non-prod", "Move files from non-production environments", "Workflow", false],
  ["clear varnish on non-prod", "Clear Varnish cache for non-production environments", "Workflow", true],
  ["clear varnish on prod", "Clear Varnish cache for the production environment", "Workflow", true],
  ["configure prod env", "Configure production environment", "Workflow", false],
  ["configure non-prod env", "Configure non-production environments", "Workflow", false],
  ["add an environment", "Add an environment", "Workflow", false],
  ["delete an environment", "Delete an environment", "Workflow", false],
  ["administer domain non-prod", "Add or remove domains for non-production environments", "Domains", false],
  ["administer domain prod", "Add or remove domains for the production environment", "Domains", false],
  ["administer ssl prod", "Add or remove SSL certificates for the production environment", "Domains", false],
  [
    "administer ssl non-prod",
    "Add or remove SSL certificates for the non-production environments",
    "Domains",
    false,
  ],
  ["reboot server", "Reboot server", "Server administration", false],
  ["resize server", "Resize server", "Server administration", false],
  ["suspend server", "Suspend server", "Server administration", false],
  ["configure server", "Configure server", "Server administration", false],
  ["download logs non-prod", "Download logs for non-production environments", "Logs", false],
  ["download logs prod", "Download logs for the production environment", "Logs", false],
  ["add database", "Add a database", "Databases", false],
  ["remove database", "Remove a database", "Databases", false],
  [
    "view database connection",
    "View database connection details (username, password, or hostname)",
    "Databases",
    false,
  ],
  [
    "download db backup non-prod",
    "Download database backups for non-production environments",
    "Databases",
    false,
  ],
  ["download db backup prod", "Download database backups for the production environment", "Databases", false],
  [
    "create db backup non-prod",
    "Create database backups for non-production environments",
    "Databases",
    false,
  ],
  ["create db backup prod", "Create database backups for the production environment", "Databases", false],
  [
    "restore db backup non-prod",
    "Restore database backups for non-production environments",
    "Databases",
    false,
  ],
  ["restore db backup prod", "Restore database backups for the production environment", "Databases", false],
  ["administer team", "Add or remove a user of a team", "Administration", false],
  ["access cloud api", "Access the Cloud API", "Administration", false],
  ["administer cron non-prod", "Modify cron tasks for non-production environments", "Cron", false],
  ["administer cron prod", "Modify cron tasks for the production environment", "Cron", false],
  ["create support ticket", "Create a support ticket", "Support", false],
  ["edit any support ticket", "View and edit any support tickets for a subscription", "Support", false],
  ["view build plans", "View Build plans", "Build", false],
  ["edit build plans", "Edit Build plans", "Build", false],
  ["run build plans", "Run Build plans", "Build", false],
  ["add ssh key to git", "Add SSH key to git repository", "SSH keys", false],
  ["add ssh key to non-prod", "Add SSH key to non-production environments", "SSH keys", false],
  ["add ssh key to prod", "Add SSH key to the production environment", "SSH keys", false],
  ["view remote administration", "View Remote Administration", "Administration", false],
  ["edit remote administration", "Edit Remote Administration", "Administration", false],
  ["clear caches on prod", "Clear caches for the production environment", "Workflow", false],
  ["clear caches on non-prod", "Clear caches for non-production environments", "Workflow", false],
];

export const PERMISSIONS: readonly Permission[] = ROWS.map(([name, label, groupLabel, deprecated]) => ({
  name,
  label,
  groupLabel,
  deprecated,
}));

export function isPermission(name: string): boolean {
  return PERMISSIONS.some((p) => p.name === name);
}

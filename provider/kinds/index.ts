// The registry of resource kinds: one line per kind folder. The runtime finds each kind's handler by
// its folder name; everything else about a kind is in its definition.
export * from "./connection";
export * from "./environment";
export * from "./environment-settings";
export * from "./environment-flags";
export * from "./environment-cloud-actions";
export * from "./code-deployment";
export * from "./environment-variable";
export * from "./cron-job";
export * from "./domain";
export * from "./database";
export * from "./ssh-key";
export * from "./api-token";
export * from "./identity-provider";
export * from "./team";
export * from "./team-application";
export * from "./role";
export * from "./team-member";
export * from "./organization-admin";
export * from "./log-forwarding-destination";
export * from "./ssl-certificate";
export * from "./subscription-ip-allowlist";
export * from "./database-backup";
export * from "./database-copy";
export * from "./files-copy";

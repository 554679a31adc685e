/**
 * Acquia's public endpoints, apart from the client so that code which only needs the defaults (the
 * program side's settings) does not load the client.
 */
export const DEFAULT_API_URL = "https://cloud.acquia.com/api";
export const DEFAULT_TOKEN_URL = "https://accounts.acquia.com/api/auth/oauth/token";

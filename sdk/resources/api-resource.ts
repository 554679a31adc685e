import type { AcquiaCloudClient } from "../client";

/** A family of API operations; holds only the client that sends them. */
export abstract class ApiResource {
  constructor(protected readonly client: AcquiaCloudClient) {}
}

/**
 * Realism rules: where Acquia's real answers differ from the spec's tidy examples, the simulator answers
 * like Acquia. Each rule can be switched off, e.g. to tell a client bug from a realism difference.
 */
export const REALISM_RULES = [
  "cronServerArray",
  "nullFields",
  "messageOnly",
  "requireBody",
  "hideInvisible",
] as const;

export type RealismRule = (typeof REALISM_RULES)[number];

/** `true` (the default): every rule; `false`: none; or the rules to apply. */
export type RealismOption = boolean | readonly RealismRule[];

export function isRealismRule(value: unknown): value is RealismRule {
  return (REALISM_RULES as readonly unknown[]).includes(value);
}

/** The rules an option selects; throws a RangeError naming any unknown rule. */
export function realismRules(option: RealismOption | undefined): RealismRule[] {
  if (option === undefined || option === true) return [...REALISM_RULES];
  if (option === false) return [];
  const unknown = option.filter((rule) => !isRealismRule(rule));
  if (unknown.length > 0) {
    throw new RangeError(
      `Unknown realism rule ${unknown.join(", ")}: known rules are ${REALISM_RULES.join(", ")}.`,
    );
  }
  return REALISM_RULES.filter((rule) => option.includes(rule));
}

/**
 * Operations that Acquia answers with `{message, _links: {self, parent}}` and no notification link
 * (messageOnly), keyed like the simulator's stats: method and the spec's path template. Their change
 * still happens asynchronously, after the task duration.
 */
export const MESSAGE_ONLY_OPERATIONS: readonly string[] = [
  "POST /environments/{environmentId}/crons/{cronId}/actions/enable",
  "POST /environments/{environmentId}/crons/{cronId}/actions/disable",
  "DELETE /applications/{applicationUuid}/databases/{name}",
  "PUT /environments/{environmentId}",
  "POST /environments/{environmentId}/log-forwarding-destinations",
  "PUT /environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}",
  "DELETE /environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}",
  "POST /environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}/actions/enable",
  "POST /environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}/actions/disable",
  "POST /account/ssh-keys",
  "DELETE /account/ssh-keys/{sshKeyUuid}",
  "POST /environments/{environmentId}/ssl/certificates",
  "DELETE /environments/{environmentId}/ssl/certificates/{certificateId}",
  "POST /environments/{environmentId}/ssl/certificates/{certificateId}/actions/activate",
  "POST /environments/{environmentId}/ssl/certificates/{certificateId}/actions/deactivate",
];

/** The rules in force; changeable at run time through `POST /__simulator/realism`. */
export class Realism {
  private active: Set<RealismRule>;

  constructor(rules: readonly RealismRule[]) {
    this.active = new Set(rules);
  }

  has(rule: RealismRule): boolean {
    return this.active.has(rule);
  }

  get rules(): RealismRule[] {
    return REALISM_RULES.filter((rule) => this.active.has(rule));
  }

  set rules(rules: readonly RealismRule[]) {
    this.active = new Set(rules);
  }
}

import type { SectionName } from "../options";
import { calls } from "./calls";
import { memory } from "./memory";
import { rateLimit } from "./rate-limit";
import type { Section } from "./section";
import { startup } from "./startup";
import { state } from "./state";
import { tasks } from "./tasks";
import { tokens } from "./tokens";
import { wall } from "./wall";

export const SECTION_RUNNERS: Record<SectionName, Section> = {
  calls,
  wall,
  startup,
  state,
  memory,
  tasks,
  tokens,
  ratelimit: rateLimit,
};

import { z } from 'zod';

/** A response target: how long the council has to do something, and on which clock. */
export interface ServiceStandard {
  /** Stable id, lower-case words joined by hyphens, for example 'complaint-stage-1'. */
  id: string;
  /** Plain English for staff, for example "Stage 1 complaint response". */
  name: string;
  /** Whole days; 0 means by the end of the day received. */
  days: number;
  /** 'working': weekdays that are not England and Wales bank holidays. 'calendar': every day. */
  clock: 'working' | 'calendar';
  /** Set by law rather than by the council. */
  statutory: boolean;
}

/**
 * The council's standards. The first six are its corporate complaints and information
 * standards (domain brief, "Service standards"); FOI/EIR and subject access are statutory.
 */
const CORPORATE_STANDARDS: readonly ServiceStandard[] = [
  { id: 'complaint-acknowledgement', name: 'Complaint acknowledgement', days: 3, clock: 'working', statutory: false },
  { id: 'complaint-stage-1', name: 'Stage 1 complaint response', days: 15, clock: 'working', statutory: false },
  { id: 'complaint-stage-2', name: 'Stage 2 complaint response', days: 25, clock: 'working', statutory: false },
  { id: 'foi-eir', name: 'Freedom of Information or Environmental Information request', days: 20, clock: 'working', statutory: true },
  { id: 'member-enquiry', name: 'Councillor (member) enquiry response', days: 10, clock: 'working', statutory: false },
  { id: 'subject-access-request', name: 'Subject access request (GDPR)', days: 30, clock: 'calendar', statutory: true },
];

/**
 * Service defaults for the high-volume services. These are COUNCIL-CONFIGURABLE DEFAULTS, not
 * statutory targets: each service sets its own through createStandardsRegistry(overrides).
 * Emergencies (housing repair, pest control) are escalated at once on the call; their
 * 1 calendar day target is the 24-hour attendance standard, not permission to wait.
 */
const SERVICE_DEFAULTS: readonly ServiceStandard[] = [
  { id: 'missed-bin', name: 'Missed bin collection', days: 2, clock: 'working', statutory: false },
  { id: 'bulky-waste', name: 'Bulky waste collection', days: 10, clock: 'working', statutory: false },
  { id: 'housing-repair-emergency', name: 'Emergency housing repair (24 hours)', days: 1, clock: 'calendar', statutory: false },
  { id: 'housing-repair-urgent', name: 'Urgent housing repair', days: 3, clock: 'working', statutory: false },
  { id: 'housing-repair-routine', name: 'Routine housing repair', days: 20, clock: 'working', statutory: false },
  { id: 'pest-control', name: 'Pest control visit', days: 5, clock: 'working', statutory: false },
  { id: 'pest-control-emergency', name: 'Emergency pest control visit (24 hours)', days: 1, clock: 'calendar', statutory: false },
  { id: 'council-tax-enquiry', name: 'Council Tax enquiry response', days: 10, clock: 'working', statutory: false },
  { id: 'parking-permit', name: 'Parking permit application', days: 5, clock: 'working', statutory: false },
  { id: 'noise-nuisance', name: 'Noise nuisance report response', days: 5, clock: 'working', statutory: false },
  { id: 'community-hub-support', name: 'Community hub support request', days: 2, clock: 'working', statutory: false },
  // The contact mailbox's queue: each email answered (a reply, a case, or a forward) within this.
  { id: 'email-reply', name: 'Answer to an email to the contact centre', days: 5, clock: 'working', statutory: false },
];

export const DEFAULT_SERVICE_STANDARDS: readonly Readonly<ServiceStandard>[] = Object.freeze(
  [...CORPORATE_STANDARDS, ...SERVICE_DEFAULTS].map((standard) => Object.freeze({ ...standard })),
);

const MAX_DAYS = 400;

const overrideSchema = z.strictObject({
  id: z
    .string({ error: 'id must be text' })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'id must be lower-case letters and digits joined by single hyphens, for example "planning-major"' })
    .max(80, { error: 'id must be at most 80 characters' }),
  name: z
    .string({ error: 'name must be text' })
    .trim()
    .min(1, { error: 'name must not be empty' })
    .max(120, { error: 'name must be at most 120 characters' })
    .optional(),
  days: z
    .number({ error: 'days must be a number' })
    .int({ error: 'days must be a whole number' })
    .min(0, { error: 'days must be 0 or more' })
    .max(MAX_DAYS, { error: `days must be at most ${MAX_DAYS}` })
    .optional(),
  clock: z.enum(['working', 'calendar'], { error: 'clock must be "working" or "calendar"' }).optional(),
  statutory: z.boolean({ error: 'statutory must be true or false' }).optional(),
});

/** What a service may set: replace days, clock or name for an id, or add a new id (all three needed). */
export type ServiceStandardOverride = z.input<typeof overrideSchema>;

export interface StandardsProblem {
  /** Where in the overrides, for example 'overrides[2].days'. */
  field: string;
  message: string;
}

/** A bad override. The message names each bad field; `problems` lists them. */
export class ServiceStandardsConfigError extends Error {
  constructor(readonly problems: readonly StandardsProblem[]) {
    super(`Invalid service standard overrides: ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`);
    this.name = 'ServiceStandardsConfigError';
  }
}

export interface StandardsRegistry {
  /** The standard with this id; throws if there is none. */
  get(id: string): ServiceStandard;
  find(id: string): ServiceStandard | undefined;
  has(id: string): boolean;
  /** Every standard, defaults first in their order, then added ones in override order. */
  all(): ServiceStandard[];
}

/**
 * The council's defaults with a service's overrides applied. An override for an existing id
 * replaces any of name, days, clock and statutory; one for a new id adds a standard and must
 * give name, days and clock (statutory defaults to false).
 *
 * A statutory standard can be made stricter (fewer days) or renamed, but not longer, not on
 * a different clock and not non-statutory: the law, not configuration, sets those.
 *
 * Throws ServiceStandardsConfigError naming each bad field.
 */
export function createStandardsRegistry(overrides: readonly ServiceStandardOverride[] = []): StandardsRegistry {
  const problems: StandardsProblem[] = [];
  if (!Array.isArray(overrides)) throw new ServiceStandardsConfigError([{ field: 'overrides', message: 'must be a list of overrides' }]);

  const byId = new Map<string, ServiceStandard>(DEFAULT_SERVICE_STANDARDS.map((standard) => [standard.id, { ...standard }]));
  const seen = new Set<string>();

  overrides.forEach((raw, index) => {
    const at = `overrides[${index}]`;
    const parsed = overrideSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.length > 0 ? `${at}.${issue.path.join('.')}` : at;
        const message = issue.code === 'unrecognized_keys' ? `unknown setting ${issue.keys.map((key) => `"${key}"`).join(', ')} (allowed: id, name, days, clock, statutory)` : issue.message;
        problems.push({ field, message });
      }
      return;
    }
    const override = parsed.data;
    if (seen.has(override.id)) {
      problems.push({ field: `${at}.id`, message: `"${override.id}" is overridden more than once` });
      return;
    }
    seen.add(override.id);

    const existing = byId.get(override.id);
    if (!existing) {
      const missing = (['name', 'days', 'clock'] as const).filter((key) => override[key] === undefined);
      for (const key of missing) problems.push({ field: `${at}.${key}`, message: `needed to add the new standard "${override.id}"` });
      if (missing.length > 0 || override.name === undefined || override.days === undefined || override.clock === undefined) return;
      byId.set(override.id, { id: override.id, name: override.name, days: override.days, clock: override.clock, statutory: override.statutory ?? false });
      return;
    }

    if (existing.statutory) {
      if (override.days !== undefined && override.days > existing.days) {
        problems.push({ field: `${at}.days`, message: `"${existing.id}" is statutory: its ${existing.days} days can be shortened, not lengthened` });
      }
      if (override.clock !== undefined && override.clock !== existing.clock) {
        problems.push({ field: `${at}.clock`, message: `"${existing.id}" is statutory: its clock stays "${existing.clock}"` });
      }
      if (override.statutory === false) {
        problems.push({ field: `${at}.statutory`, message: `"${existing.id}" is statutory by law and cannot be made non-statutory` });
      }
    }
    byId.set(override.id, {
      ...existing,
      ...(override.name !== undefined ? { name: override.name } : {}),
      ...(override.days !== undefined ? { days: override.days } : {}),
      ...(override.clock !== undefined ? { clock: override.clock } : {}),
      ...(override.statutory !== undefined ? { statutory: override.statutory } : {}),
    });
  });

  if (problems.length > 0) throw new ServiceStandardsConfigError(problems);

  const standards = new Map([...byId].map(([id, standard]) => [id, Object.freeze(standard)]));
  return {
    get(id) {
      const standard = standards.get(id);
      if (!standard) throw new RangeError(`No service standard "${id}". Known: ${[...standards.keys()].join(', ')}`);
      return standard;
    },
    find: (id) => standards.get(id),
    has: (id) => standards.has(id),
    all: () => [...standards.values()],
  };
}

import { z } from 'zod';
import { DEFAULT_RETENTION, type RetentionRule } from '../../../shared/domain/retention';
import type { ConfigProblem, FeatureSwitches } from '../../../shared/contract/session';
import { DEFAULT_MAX_ATTACHMENT_BYTES, LARGEST_ATTACHMENT_BYTES } from '../../../shared/contract/cases';
import { DEFAULT_IDENTITY_POLICY, IDENTITY_QUESTIONS, type IdentityPolicy } from '../../../shared/domain/identity-check';
import { MESSAGE_PURPOSES } from '../../../shared/domain/resident-message';

const MEGABYTE = 1024 * 1024;
const MOST_ATTACHMENT_MEGABYTES = LARGEST_ATTACHMENT_BYTES / MEGABYTE;

/** The attachment size limit this configuration sets, in bytes. */
export function maxAttachmentBytes(config: LoadedConfig): number {
  return config.mode === 'live' ? config.config.maxAttachmentMegabytes * MEGABYTE : DEFAULT_MAX_ATTACHMENT_BYTES;
}

/** Whether residents may be shown phrases not yet reviewed (always in training mode). */
export function showUnreviewedPhrases(config: LoadedConfig): boolean {
  return config.mode === 'live' ? config.config.showUnreviewedPhrases : true;
}

/** The council's identity-check rule; CivicDesk's default (name, date of birth, and address or postcode) without one. */
export function identityPolicy(config: LoadedConfig): IdentityPolicy {
  return config.mode === 'live' ? config.config.identityPolicy : DEFAULT_IDENTITY_POLICY;
}

const identityQuestion = z.enum(IDENTITY_QUESTIONS);
const identityPolicySchema = z
  .strictObject({
    required: z.array(identityQuestion).max(4),
    oneOf: z.array(identityQuestion).max(4),
    results: z.strictObject({ dateOfBirth: z.enum(['year', 'full']), address: z.enum(['district', 'full']) }).default({ ...DEFAULT_IDENTITY_POLICY.results }),
  })
  .refine((policy) => policy.required.length + policy.oneOf.length > 0, 'Must ask at least one question: set required or oneOf.')
  .refine((policy) => new Set([...policy.required, ...policy.oneOf]).size === policy.required.length + policy.oneOf.length, 'A question may appear once only, in required or in oneOf.')
  .refine((policy) => policy.oneOf.length !== 1, 'oneOf needs two or more questions (one of them must match); put a single question in required.');

/**
 * Which services' call scripts each telephony queue suggests first, by the queue's name as
 * the softphone's screen-pop gives it. Training's queues, and CivicDesk's default for a
 * council that names none.
 */
export const DEFAULT_QUEUE_SERVICES: Readonly<Record<string, readonly string[]>> = {
  'Waste and recycling': ['waste'],
  'Housing repairs': ['housing-repairs', 'pest-control'],
  'Council tax': ['council-tax'],
  Parking: ['parking'],
  'General enquiries': ['community-hub', 'complaints', 'noise-nuisance'],
};

/**
 * True first-contact resolution: a contact resolved at first contact counts only if the same
 * resident does not contact the council again about the same service within this many days.
 */
export const DEFAULT_TRUE_RESOLUTION_DAYS = 7;

export function trueResolutionDays(config: LoadedConfig): number {
  return config.mode === 'live' ? config.config.trueResolutionDays : DEFAULT_TRUE_RESOLUTION_DAYS;
}

export function retentionRule(config: LoadedConfig): RetentionRule {
  return config.mode === 'live' ? { ...config.config.retention } : { ...DEFAULT_RETENTION };
}

export function queueServices(config: LoadedConfig): Record<string, string[]> {
  const chosen = config.mode === 'live' ? config.config.queueServices : DEFAULT_QUEUE_SERVICES;
  return Object.fromEntries(Object.entries(chosen).map(([queue, services]) => [queue, [...services]]));
}

/** Sites CivicDesk may open in the system browser when the deployment file names none. */
export const DEFAULT_EXTERNAL_HOSTS = ['southwark.gov.uk', 'gov.uk', 'nhs.uk'] as const;

const hostName = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i, 'Must be a host name such as www.southwark.gov.uk, with no https:// or path.');

/** A telephone, video or in-person interpreting line the council has an account with. */
const interpreterLine = z.strictObject({
  supplierId: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Must be lower-case letters, digits and hyphens, as the language table names suppliers (languageline).'),
  supplierName: z.string().min(1).max(120),
  phone: z.string().regex(/^[0-9+() -]{6,30}$/, 'Must be a telephone number such as 020 7946 0123.'),
  accessCode: z.string().min(1).max(60),
  department: z.string().min(1).max(120),
  kind: z.enum(['telephone', 'video', 'in-person']).default('telephone'),
});

/**
 * Azure AI Translator: the resource's address and region. Its key is a secret and is never
 * here: it lives in the operating system's keychain.
 */
const machineTranslationSettings = z.strictObject({
  endpoint: z
    .url({ protocol: /^https$/, error: 'Must be the https address of the Translator resource, such as https://api-eur.cognitive.microsofttranslator.com.' })
    .refine((value) => new URL(value).pathname === '/', 'Must be the address only, with no path after it.'),
  region: z.string().regex(/^[a-z0-9]{2,40}$/, 'Must be the Azure region of the Translator resource, such as uksouth.'),
});

/**
 * GOV.UK Notify: the council's templates for texts and emails to residents, by purpose, channel
 * and language (English for each purpose and channel used, translations where the council has
 * them). The API key is a secret and is never here: it lives in the operating system's keychain.
 */
const notifySettings = z
  .strictObject({
    baseUrl: z.url({ protocol: /^https$/, error: 'Must be the https address of GOV.UK Notify\'s API, such as https://api.notifications.service.gov.uk.' }).default('https://api.notifications.service.gov.uk'),
    templates: z
      .array(
        z.strictObject({
          purpose: z.enum(MESSAGE_PURPOSES),
          channel: z.enum(['sms', 'email']),
          language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'A language code like ‘en’, ‘es’ or ‘zh-Hant’.').default('en'),
          templateId: z.uuid('Must be the template\'s ID from GOV.UK Notify (a UUID).'),
        }),
      )
      .min(1, 'Name at least one template.')
      .max(200),
  })
  .superRefine((notify, context) => {
    for (const template of notify.templates) {
      if (!notify.templates.some((each) => each.purpose === template.purpose && each.channel === template.channel && each.language === 'en')) {
        context.addIssue({ code: 'custom', path: ['templates'], message: `Add the English template for ${template.purpose} (${template.channel}): it is used where there is no translation.` });
        return;
      }
    }
  });
export type NotifySettings = z.output<typeof notifySettings>;

/** Parts of a case a Teams message about it may carry; the council's policy chooses. */
export const CASE_SUMMARY_PARTS = ['reference', 'service', 'category', 'priority', 'dueOn', 'summary', 'description', 'residentReference'] as const;
export type CaseSummaryPart = (typeof CASE_SUMMARY_PARTS)[number];
/** Without a policy: what the case is about and when it is due; no description, no resident reference. */
export const DEFAULT_CASE_SUMMARY_PARTS: readonly CaseSummaryPart[] = ['reference', 'service', 'category', 'priority', 'dueOn', 'summary'];

const teamsChannel = z.strictObject({
  teamId: z.uuid('Must be the Teams team id (a GUID).'),
  channelId: z.string().regex(/^19:[A-Za-z0-9_-]+@thread\.(tacv2|skype)$/, 'Must be a Teams channel id such as 19:abc...@thread.tacv2.'),
});

/**
 * The file an IT administrator deploys to put a workstation into live mode. Nothing secret
 * goes in it: sign-in is per person through Microsoft Entra ID.
 */
export const deploymentConfigSchema = z.strictObject({
  tenantId: z.uuid('Must be the Microsoft Entra tenant id (a GUID).'),
  clientId: z.uuid('Must be the CivicDesk app registration\'s client id (a GUID).'),
  dataverseUrl: z
    .url({ protocol: /^https$/, error: 'Must be the https address of the Dataverse environment, such as https://southwark.crm11.dynamics.com.' })
    .refine((value) => new URL(value).pathname === '/', 'Must be the environment address only, with no path after it.'),
  publisherPrefix: z.string().regex(/^[a-z][a-z0-9]{1,7}$/, 'Must be the Dataverse publisher prefix: 2 to 8 lower-case letters or digits.').default('cd'),
  /**
   * Dataverse makes no case without a customer, so an anonymous report is filed against this
   * contact row, which the council keeps for the purpose (cd_anonymous says the resident was not named).
   */
  anonymousContactId: z.uuid({
    error: (issue) =>
      issue.input === undefined
        ? 'Missing: anonymousContactId must be the id (a GUID) of the contact row the council keeps for anonymous reports. Dataverse makes no case without a customer.'
        : 'anonymousContactId must be the id (a GUID) of the contact row the council keeps for anonymous reports.',
  }),
  teams: z
    .strictObject({
      /** Each service's Teams channel for escalations, keyed as cases name the service (waste, housing-repairs, council-tax, …). */
      escalationChannels: z.record(z.string().min(1).max(64), teamsChannel).default({}),
      /** Each service's team of experts to ask, keyed the same way; a service with a channel is also listed by its team. */
      expertTeams: z.record(z.string().min(1).max(64), z.uuid('Must be the Teams team id (a GUID).')).default({}),
      /** What a message about a case may say. The resident's name, address and phone never go. */
      summaryIncludes: z.array(z.enum(CASE_SUMMARY_PARTS)).default([...DEFAULT_CASE_SUMMARY_PARTS]),
    })
    .default({ escalationChannels: {}, expertTeams: {}, summaryIncludes: [...DEFAULT_CASE_SUMMARY_PARTS] }),
  bookingsBusinessId: z.string().min(3).max(200).optional(),
  /**
   * The Bookings custom question whose answer is the resident's back-office id: CivicDesk fills
   * it when it books, and opens the resident's record from it.
   */
  bookingsResidentQuestionId: z.string().min(1).max(200).optional(),
  /**
   * The council's contact mailbox, worked as a queue in the Email place, and each service's
   * mailbox an email can be forwarded to (keyed as cases name the service). Officers need Full
   * Access and Send As (or Send on Behalf) on it in Exchange; CivicDesk uses their own sign-in.
   */
  contactMailbox: z
    .strictObject({
      address: z.email('Must be the contact mailbox’s email address.'),
      forwardTo: z.record(z.string().min(1).max(64), z.email('Must be an email address.')).default({}),
    })
    .optional(),
  wrapUpCodes: z
    .array(z.strictObject({ code: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Must be lower-case letters, digits and hyphens.'), label: z.string().min(1).max(120) }))
    .min(1)
    .optional(),
  externalLinkHosts: z.array(hostName).min(1).default([...DEFAULT_EXTERNAL_HOSTS]),
  /** The largest file staff may attach to a case. Dataverse's own note limit (set by the administrator) must be at least this. */
  maxAttachmentMegabytes: z
    .number()
    .int('Must be a whole number of megabytes.')
    .min(1, 'Must be at least 1 (megabyte).')
    .max(MOST_ATTACHMENT_MEGABYTES, `Must be at most ${MOST_ATTACHMENT_MEGABYTES} (megabytes).`)
    .default(DEFAULT_MAX_ATTACHMENT_BYTES / MEGABYTE),
  /** Phrase packs: show residents phrases no qualified translator has reviewed yet (with a "not checked" badge). */
  showUnreviewedPhrases: z.boolean().default(true),
  features: z
    .strictObject({
      machineTranslation: z.boolean().default(false),
      teams: z.boolean().default(true),
      bookings: z.boolean().default(true),
    })
    .default({ machineTranslation: false, teams: true, bookings: true }),
  /**
   * Which identity-check answers must match before a resident's details are shown, and what
   * search results show before it. Default: name and date of birth, and one of the first line
   * of the address or the postcode; results show the year of birth and postcode district.
   */
  identityPolicy: identityPolicySchema.default({ required: [...DEFAULT_IDENTITY_POLICY.required], oneOf: [...DEFAULT_IDENTITY_POLICY.oneOf], results: { ...DEFAULT_IDENTITY_POLICY.results } }),
  /** Each telephony queue's services, whose call scripts a call from that queue offers first. */
  queueServices: z.record(z.string().min(1).max(100), z.array(z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'Must be a service as cases name it: waste, housing-repairs, council-tax, …')).max(20)).default({ ...DEFAULT_QUEUE_SERVICES } as Record<string, string[]>),
  /** Days within which a further contact about the same service means the first did not resolve it (true first-contact resolution). */
  trueResolutionDays: z.number().int('Must be a whole number of days.').min(1, 'Must be at least 1 (day).').max(28, 'Must be at most 28 (days).').default(DEFAULT_TRUE_RESOLUTION_DAYS),
  /** Minutes without a key or a pointer before the workstation locks: service-point officers, and everyone else (1 to 120). */
  idleLock: z
    .strictObject({
      servicePointMinutes: z.number().int('Must be a whole number of minutes.').min(1, 'Must be at least 1 (minute).').max(120, 'Must be at most 120 (minutes).').default(5),
      otherMinutes: z.number().int('Must be a whole number of minutes.').min(1, 'Must be at least 1 (minute).').max(120, 'Must be at most 120 (minutes).').default(15),
    })
    .default({ servicePointMinutes: 5, otherMinutes: 15 }),
  /** How long this computer keeps copies once they have served their purpose (shared/domain/retention.ts). */
  retention: z
    .strictObject({
      snapshotDays: z.number().int('Must be a whole number of days.').min(1, 'Must be at least 1 (day).').max(31, 'Must be at most 31 (days).').default(DEFAULT_RETENTION.snapshotDays),
      sentDays: z.number().int('Must be a whole number of days.').min(1, 'Must be at least 1 (day).').max(365, 'Must be at most 365 (days).').default(DEFAULT_RETENTION.sentDays),
      syncLogDays: z.number().int('Must be a whole number of days.').min(1, 'Must be at least 1 (day).').max(365, 'Must be at most 365 (days).').default(DEFAULT_RETENTION.syncLogDays),
    })
    .default({ ...DEFAULT_RETENTION }),
  /** Interpreting suppliers' lines: the number, the council's access code and department. */
  interpreterLines: z.array(interpreterLine).max(20).default([]),
  /**
   * `false`: no training mode on this computer at all. With a tenant it changes nothing; a file
   * holding little more than this (no tenant) stops CivicDesk with a plain message instead of
   * opening the training stand-ins (loadDeploymentConfig below).
   */
  training: z.boolean().default(true),
  /**
   * electron-updater's checks against the council's own server. Off unless switched on here:
   * most councils push each version with Intune or SCCM. Without a url, the address the
   * installer was built with (electron-builder.yml's publish) is used.
   */
  updates: z
    .strictObject({
      enabled: z.boolean().default(false),
      url: z
        .url({ protocol: /^https$/, error: 'Must be the https address of the folder on the council\'s server that holds latest.yml, such as https://apps.yourcouncil.gov.uk/civicdesk/.' })
        .optional(),
    })
    .default({ enabled: false }),
  /** Off unless set (and features.machineTranslation is true). */
  machineTranslation: machineTranslationSettings.optional(),
  /** Texts and emails to residents through GOV.UK Notify; none unless set. */
  notify: notifySettings.optional(),
}).superRefine((config, context) => {
  if (config.features.machineTranslation && !config.machineTranslation) {
    context.addIssue({ code: 'custom', path: ['machineTranslation'], message: 'Machine translation is switched on in features: set machineTranslation.endpoint and machineTranslation.region too.' });
  }
});

export type DeploymentConfig = z.output<typeof deploymentConfigSchema>;

/** Training mode's machine translation is a local stand-in that marks text rather than translating it. */
export const TRAINING_FEATURES: FeatureSwitches = { machineTranslation: true, teams: true, bookings: true };

export type LoadedConfig =
  | { mode: 'training'; externalLinkHosts: readonly string[]; features: FeatureSwitches; source: null }
  | { mode: 'live'; config: DeploymentConfig; externalLinkHosts: readonly string[]; features: FeatureSwitches; source: string }
  | { mode: 'config-error'; problems: ConfigProblem[]; externalLinkHosts: readonly string[]; features: FeatureSwitches; source: string };

const trainingConfig: LoadedConfig = {
  mode: 'training',
  externalLinkHosts: DEFAULT_EXTERNAL_HOSTS,
  features: TRAINING_FEATURES,
  source: null,
};

/** A deployment file that cannot be used: CivicDesk shows the problems and does no work. */
export function brokenConfig(problems: ConfigProblem[], source: string): LoadedConfig {
  return {
    mode: 'config-error',
    problems,
    externalLinkHosts: DEFAULT_EXTERNAL_HOSTS,
    features: { machineTranslation: false, teams: false, bookings: false },
    source,
  };
}

/**
 * Reads the deployment file's text. No file (undefined) means training mode. A file that is
 * wrong is an error naming each bad field: never a silent fall-back to training.
 */
export function loadDeploymentConfig(text: string | undefined, source: string): LoadedConfig {
  if (text === undefined) return trainingConfig;
  const broken = (problems: ConfigProblem[]) => brokenConfig(problems, source);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return broken([{ field: '', message: `The file is not valid JSON (${error instanceof Error ? error.message : 'unreadable'}).` }]);
  }
  if (trainingSwitchedOffWithoutTenant(json)) return broken([{ field: 'training', message: TRAINING_SWITCHED_OFF }]);
  const parsed = deploymentConfigSchema.safeParse(json);
  if (!parsed.success) {
    return broken(
      parsed.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.'),
        message: issue.code === 'unrecognized_keys' ? `Unknown setting${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}. Check the spelling.` : issue.message,
      })),
    );
  }
  return { mode: 'live', config: parsed.data, externalLinkHosts: parsed.data.externalLinkHosts, features: parsed.data.features, source };
}

export const TRAINING_SWITCHED_OFF = 'Training mode is switched off on this computer ("training": false), and no council tenant is set up. Add tenantId, clientId and dataverseUrl to this file, or take "training": false out.';

/**
 * A file that only switches training off (no tenant at all) is said so in one plain sentence,
 * rather than as three missing fields; a file with some of the tenant's settings gets each
 * problem named as usual.
 */
function trainingSwitchedOffWithoutTenant(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const file = json as Record<string, unknown>;
  return file.training === false && file.tenantId === undefined && file.clientId === undefined && file.dataverseUrl === undefined;
}

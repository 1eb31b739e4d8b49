import { z } from 'zod';

/**
 * The call-script format. One file per script in resources/scripts/, written by the
 * council's service experts, checked by `npm run scripts:check`. Text agents read out may
 * use variables: {answers.<field>}, {resident.<fact>}, {agent.name}, {case.dueDate},
 * {case.standardName}, {today}.
 */

const id = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'Use lower-case letters, digits and hyphens, starting with a letter.');
const fieldName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, 'Use letters and digits only, starting with a letter (for example binType).');
const text = z.string().min(1).max(1200);

/** Facts about the resident a script may branch on; "unknown" when no resident is open. */
export const RESIDENT_FACTS = ['vulnerable', 'hasTenancy', 'preferredLanguage', 'needsInterpreter', 'age', 'hasMySouthwark', 'firstName', 'fullName'] as const;
export type ResidentFact = (typeof RESIDENT_FACTS)[number];

const choiceOption = z.strictObject({ value: z.string().regex(/^[a-z0-9-]{1,40}$/), label: text });

export const answerInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), maxLength: z.number().int().min(1).max(4000).default(500), multiline: z.boolean().default(false) }),
  z.strictObject({ kind: z.literal('number'), min: z.number().optional(), max: z.number().optional(), integer: z.boolean().default(true), unit: z.string().max(30).optional() }),
  z.strictObject({
    kind: z.literal('date'),
    notFuture: z.boolean().default(false),
    notPast: z.boolean().default(false),
    /**
     * A service standard whose window the date must still be in (a missed bin is reported
     * within the missed-bin standard of the collection day). A date outside it is flagged to
     * the agent, who can still go on with it; the case then records that it was late.
     */
    withinStandard: id.optional(),
  }),
  z.strictObject({ kind: z.literal('choice'), options: z.array(choiceOption).min(2).max(9) }),
  z.strictObject({ kind: z.literal('yes-no') }),
  z.strictObject({ kind: z.literal('address') }),
  z.strictObject({ kind: z.literal('evidence'), accept: z.array(z.enum(['photo', 'pdf'])).min(1).default(['photo', 'pdf']), required: z.boolean().default(false) }),
]);
export type AnswerInput = z.output<typeof answerInputSchema>;

const comparable = z.union([z.string(), z.number(), z.boolean()]);

export type Condition =
  | { answer: string; equals?: string | number | boolean; notEquals?: string | number | boolean; in?: (string | number)[]; atLeast?: number; below?: number }
  | { resident: ResidentFact; equals?: string | number | boolean; notEquals?: string | number | boolean; in?: (string | number)[]; atLeast?: number; below?: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const comparisons = {
  equals: comparable.optional(),
  notEquals: comparable.optional(),
  in: z.array(z.union([z.string(), z.number()])).min(1).optional(),
  atLeast: z.number().optional(),
  below: z.number().optional(),
};

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ answer: fieldName, ...comparisons }),
    z.strictObject({ resident: z.enum(RESIDENT_FACTS), ...comparisons }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

const onlineRoute = z.strictObject({ title: text, url: z.url({ protocol: /^https$/ }) });

export const outcomeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('resolved'), whatWasDone: text, offerOnline: onlineRoute.optional() }),
  z.strictObject({
    kind: z.literal('create-case'),
    category: id,
    priority: z.enum(['emergency', 'urgent', 'routine']),
    serviceStandard: id,
    summary: text,
    /** Answers that become the case's fields, in this order. */
    fields: z.array(fieldName).default([]),
    offerOnline: onlineRoute.optional(),
  }),
  z.strictObject({ kind: z.literal('signpost'), route: onlineRoute, say: text }),
  z.strictObject({ kind: z.literal('transfer'), team: text, phone: z.string().max(40).optional(), summary: text }),
  z.strictObject({
    kind: z.literal('emergency'),
    reason: text,
    /** What the agent does now, in order, while the resident is still on the line. */
    steps: z.array(text).min(1).max(10),
    /** The out-of-hours or emergency line to transfer to, if any. */
    phone: z.string().max(40).optional(),
    serviceStandard: id.optional(),
    category: id.optional(),
  }),
]);
export type ScriptOutcome = z.output<typeof outcomeSchema>;

const stepBase = { id, say: text.optional(), guidance: text.optional() };

export const stepSchema = z.discriminatedUnion('type', [
  /** Something to read out or do; Enter goes on. */
  z.strictObject({ ...stepBase, type: z.literal('say'), say: text, next: id }),
  /**
   * A question; the answer is kept under `field`. `identityCheck` marks the script's own
   * security question (a yes-no): it is skipped, answered yes, when the contact's identity
   * check has already passed, so the caller is never asked twice.
   */
  z.strictObject({ ...stepBase, type: z.literal('ask'), say: text, field: fieldName, input: answerInputSchema, optional: z.boolean().default(false), identityCheck: z.boolean().default(false), next: id }),
  /**
   * Branches on answers and on the resident's record; the first rule that holds wins. It is
   * resolved without stopping, so it has no words to show (say why in a YAML comment).
   */
  z.strictObject({
    id,
    type: z.literal('check'),
    rules: z.array(z.strictObject({ when: conditionSchema, goto: id })).min(1),
    /** Where to go when a rule about the resident cannot be decided (no resident open, or the fact not recorded). */
    ifUnknown: id.optional(),
    otherwise: id,
  }),
  /** A back-office query (for example the collection day for an address). */
  z.strictObject({ ...stepBase, type: z.literal('lookup'), query: z.enum(['wasteCollectionDay', 'councilTaxBalance', 'openCasesForService']), field: fieldName, next: id, ifUnavailable: id }),
  z.strictObject({ ...stepBase, type: z.literal('outcome'), outcome: outcomeSchema }),
]);
export type ScriptStep = z.output<typeof stepSchema>;

export const callScriptSchema = z.strictObject({
  id,
  version: z.number().int().min(1),
  title: text,
  service: id,
  /** Words agents type that should find this script. */
  triggers: z.array(z.string().min(2).max(60)).min(1),
  /** The standard the resident is told about when a case is raised. */
  serviceStandard: id,
  start: id,
  steps: z.array(stepSchema).min(2),
});
export type CallScript = z.output<typeof callScriptSchema>;
export type CallScriptSource = z.input<typeof callScriptSchema>;

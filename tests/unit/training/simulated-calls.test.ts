import { describe, expect, it } from 'vitest';
import { generateTrainingData } from '../../../main/core/training/generator';
import { createSimulatedCalls } from '../../../main/core/training/simulated-calls';
import { checkIdentity, DEFAULT_IDENTITY_POLICY, policyMet, questionsOf } from '../../../shared/domain/identity-check';

const borough = generateTrainingData({ residents: 2_000, asOf: '2026-12-04' });
const holders = (number: string) => borough.residents.filter((resident) => resident.contact.phones.some((phone) => phone.number === number));

describe('training’s simulated calls', () => {
  const next = createSimulatedCalls(borough);
  const calls = Array.from({ length: 60 }, () => next());

  it('come mostly from a number one resident has alone, and one in five from a shared one, saying so', () => {
    const alone = calls.filter((call) => holders(call.card.callerNumber).length === 1);
    expect(alone.length).toBe(48);
    for (const call of calls) expect(call.card.sharedNumber).toBe(holders(call.card.callerNumber).length > 1);
    expect(calls.filter((call) => call.card.sharedNumber).length).toBe(12);
    expect(new Set(calls.map((call) => call.card.callerNumber)).size).toBeGreaterThan(55);
  });

  it('give a caller card whose answers pass the identity check for the resident who is calling', () => {
    for (const { card, link } of calls) {
      expect(link).toMatchObject({ kind: 'call', callerNumber: card.callerNumber });
      const resident = holders(card.callerNumber).find((each) => `${each.givenName} ${each.familyName}` === card.name);
      if (!resident) throw new Error(`${card.name} does not have ${card.callerNumber}`);
      const household = borough.households.find((each) => each.id === resident.householdId) ?? null;
      const results = checkIdentity(questionsOf(DEFAULT_IDENTITY_POLICY), card.says, resident, household);
      expect(results.filter((each) => !each.matched).map((each) => `${each.question}: ${card.says[each.question]}`), card.name).toEqual([]);
      expect(policyMet(DEFAULT_IDENTITY_POLICY, results)).toBe(true);
    }
  });

  it('vary how the answers are said, as callers do', () => {
    expect(calls.some((call) => /^\d{1,2}(st|nd|rd|th) [A-Z][a-z]+ \d{2}$/.test(call.card.says.dateOfBirth))).toBe(true);
    expect(calls.some((call) => /^the [a-z-]+ of [A-Z][a-z]+ \d{4}$/.test(call.card.says.dateOfBirth))).toBe(true);
    expect(calls.some((call) => call.card.says.name.includes(','))).toBe(true);
    expect(calls.every((call) => call.card.reason.length > 10 && call.card.scriptWords.length > 2)).toBe(true);
  });
});

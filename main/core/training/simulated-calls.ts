import type { DeepLink } from '../../../shared/contract/deep-link';
import type { CallerCard } from '../../../shared/contract/session';
import type { Household, Resident } from '../../../shared/domain/resident';
import type { TrainingDataset } from './types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];
const QUEUES = ['Waste and recycling', 'Housing repairs', 'Council tax', 'General enquiries'] as const;
type Queue = (typeof QUEUES)[number];
/** One call in this many is from a number others share, so trainees meet a screen-pop that cannot choose. */
const SHARED_EVERY = 5;

const suffix = (day: number) => (day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th');
const spokenDay = (day: number) => (day <= 20 ? ORDINALS[day] : day === 30 ? 'thirtieth' : `${day < 30 ? 'twenty' : 'thirty'}-${ORDINALS[day % 10]}`);

/** A date of birth as callers give it, a different way each call: "12th March 85", "12/3/1985", "the twelfth of March 1985". */
function dateOfBirthSaid(iso: string, turn: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const monthName = MONTHS[month - 1] ?? '';
  switch (turn % 4) {
    case 0:
      return `${day}${suffix(day)} ${monthName} ${String(year).slice(2)}`;
    case 1:
      return `${day}/${month}/${year}`;
    case 2:
      return `the ${spokenDay(day)} of ${monthName} ${year}`;
    default:
      return `${monthName.slice(0, 3)} ${day} ${year}`;
  }
}

/** The first line of the address as a caller says it: "111c Hopton Mews", "111 Hopton Mews", "Flat C 111 Hopton Mews". */
function addressSaid(address: Household['address'], turn: number): string {
  const line = address.line1;
  const flatOfHouse = /^Flat ([A-Z]), (\d+) (.+)$/.exec(line);
  if (flatOfHouse && turn % 3 === 0) return `${flatOfHouse[2]}${flatOfHouse[1]?.toLowerCase()} ${flatOfHouse[3]}`;
  if (flatOfHouse && turn % 3 === 1) return `${flatOfHouse[2]} ${flatOfHouse[3]}`;
  const flatOfBlock = /^Flat (\d+), (.+)$/.exec(line);
  if (flatOfBlock && turn % 2 === 0) return `${flatOfBlock[1]} ${flatOfBlock[2]}`;
  return line.replace(/, /g, ' ').replace(/\bRoad$/, 'Rd').replace(/\bStreet$/, 'St');
}

/** Why the caller rings, fitting the queue they came through, and words that find the script. */
function reasonFor(queue: Queue, resident: Resident, household: Household | undefined, turn: number): { reason: string; scriptWords: string } {
  switch (queue) {
    case 'Waste and recycling':
      return { reason: `Their mixed recycling (blue bin) was not collected on ${household?.wasteCollection.day ?? 'their collection day'}; it was out by 6am.`, scriptWords: 'missed bin' };
    case 'Housing repairs':
      return household?.tenure === 'council-tenant' || household?.tenure === 'temporary-accommodation'
        ? { reason: 'The kitchen tap has been dripping for a week. No leak through the ceiling, no gas smell.', scriptWords: 'repair' }
        : { reason: 'They have seen mice in the kitchen for a few days.', scriptWords: 'pest control' };
    case 'Council tax':
      return turn % 2 === 0 ? { reason: 'They want to know how much council tax they owe.', scriptWords: 'council tax' } : { reason: 'They are moving out of Southwark at the end of the month.', scriptWords: 'moving home' };
    case 'General enquiries':
      return { reason: `A neighbour near ${resident.givenName}'s home plays loud music after midnight most weekends.`, scriptWords: 'noise' };
  }
}

/**
 * Training's simulated calls. Training borough phones are in Ofcom's small drama ranges, so
 * many residents share a number: most calls come from a number one resident has alone (the
 * screen-pop opens them), one in five from a shared one on purpose. Each comes with a caller
 * card: what the caller will say to the identity questions, in the forms people really use,
 * and why they are calling.
 */
export function createSimulatedCalls(dataset: TrainingDataset) {
  const holders = new Map<string, Resident[]>();
  for (const resident of dataset.residents) for (const phone of resident.contact.phones) holders.set(phone.number, [...(holders.get(phone.number) ?? []), resident]);
  const homes = new Map(dataset.households.map((household) => [household.id, household]));
  const callers = (alone: boolean) =>
    dataset.residents.flatMap((resident) => {
      const number = resident.contact.phones.find((phone) => ((holders.get(phone.number)?.length ?? 0) === 1) === alone)?.number;
      return number && homes.has(resident.householdId) ? [{ resident, number }] : [];
    });
  const alone = callers(true);
  const shared = callers(false);
  let calls = 0;

  return (): { link: DeepLink; card: CallerCard } => {
    calls += 1;
    const pool = calls % SHARED_EVERY === 0 && shared.length > 0 ? shared : alone.length > 0 ? alone : shared;
    // Walk through the borough so each simulated call is someone new.
    const caller = pool[(calls * 7919) % pool.length];
    if (!caller) throw new Error('The training borough has nobody with a phone.');
    const { resident, number } = caller;
    const household = homes.get(resident.householdId);
    const queue = QUEUES[calls % QUEUES.length] as Queue;
    const { reason, scriptWords } = reasonFor(queue, resident, household, calls);
    const name = `${resident.givenName} ${resident.familyName}`;
    return {
      link: { kind: 'call', callerNumber: number, queue, waitedSeconds: (calls * 37) % 300 },
      card: {
        callerNumber: number,
        name,
        says: {
          name: calls % 3 === 0 ? `${resident.familyName}, ${resident.givenName}` : name,
          dateOfBirth: dateOfBirthSaid(resident.dateOfBirth, calls),
          addressLine1: household ? addressSaid(household.address, calls) : '',
          postcode: household ? household.address.postcode.replace(' ', calls % 2 === 0 ? '' : ' ').toLowerCase() : '',
        },
        reason,
        scriptWords,
        sharedNumber: (holders.get(number)?.length ?? 0) > 1,
      },
    };
  };
}

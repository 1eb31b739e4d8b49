import { WEEKDAYS, type WasteCollection, type WasteStream } from '../../../shared/domain/account';
import type { PostalAddress } from '../../../shared/domain/resident';
import { createScatter } from './references';
import { hashString } from './random';
import { DISTRICTS, TOWN } from './word-lists';

/**
 * Homes for synthetic households. Every household in a run gets a different address: the
 * nth estate flat and the nth street home are drawn through a bijection over all the
 * homes the word lists can describe, which is more than 320,000 residents need.
 */
const HOUSE_NUMBERS = 400;
/** Whole house, then Flat A, B, C: most inner-London houses are split into flats. */
const UNITS_PER_NUMBER = 4;
const FLATS_PER_BLOCK = 160;
/** One postcode covers a run of house numbers, as Royal Mail's do. */
const NUMBERS_PER_POSTCODE = 50;
/** Royal Mail never uses C, I, K, M, O or V in the letters of an inward code. */
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

interface Street {
  name: string;
  district: string;
  parkingZones: readonly string[];
}

interface Block {
  block: string;
  estate: string;
  district: string;
}

const STREETS: readonly Street[] = DISTRICTS.flatMap((d) =>
  d.streets.map((name) => ({ name, district: d.district, parkingZones: d.parkingZones })),
);

const BLOCKS: readonly Block[] = DISTRICTS.flatMap((d) =>
  d.estates.flatMap((estate) => estate.blocks.map((block) => ({ block, estate: estate.name, district: d.district }))),
);

export const STREET_HOMES = STREETS.length * HOUSE_NUMBERS * UNITS_PER_NUMBER;
export const ESTATE_HOMES = BLOCKS.length * FLATS_PER_BLOCK;

export type HomeType = 'estate-flat' | 'street-flat' | 'house';

export interface Home {
  address: PostalAddress;
  type: HomeType;
  /** Where a permit for this home lets a car park. */
  parkingZones: readonly string[];
  wasteCollection: WasteCollection;
}

function inwardCode(key: string): string {
  const h = hashString(key);
  const letter = (shift: number): string => INWARD_LETTERS[(h >>> shift) % INWARD_LETTERS.length] ?? 'A';
  return `${1 + (h % 9)}${letter(8)}${letter(16)}`;
}

/** Rounds are planned by street, so the day comes from the street's name, not the seed. */
function wasteCollectionFor(streetName: string, communal: boolean): WasteCollection {
  const h = hashString(`waste|${streetName}`);
  const streams: WasteStream[] = ['refuse', 'recycling'];
  if (!communal || h % 3 === 0) streams.push('food');
  if (!communal && (h >>> 4) % 4 === 0) streams.push('garden');
  return { day: WEEKDAYS[(h >>> 8) % WEEKDAYS.length] ?? 'Monday', streams };
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`No entry ${index} in a list of ${items.length}.`);
  return item;
}

export interface HomeAllocator {
  /** The next unused home of the kind asked for; estates overflow into streets when full. */
  next(kind: 'estate' | 'street'): Home;
}

export function createHomeAllocator(salt: number): HomeAllocator {
  const estateSlot = createScatter(ESTATE_HOMES, salt);
  const streetSlot = createScatter(STREET_HOMES, salt ^ 0x9e37);
  let estatesUsed = 0;
  let streetsUsed = 0;

  const estateHome = (n: number): Home => {
    const slot = estateSlot(n);
    const block = at(BLOCKS, slot % BLOCKS.length);
    const flat = Math.floor(slot / BLOCKS.length) + 1;
    return {
      address: {
        line1: `Flat ${flat}, ${block.block}`,
        line2: block.estate,
        town: TOWN,
        postcode: `${block.district} ${inwardCode(`${block.district}|${block.estate}|${block.block}`)}`,
        streetName: block.estate,
      },
      type: 'estate-flat',
      parkingZones: [`${block.estate} parking`],
      wasteCollection: wasteCollectionFor(block.estate, true),
    };
  };

  const streetHome = (n: number): Home => {
    const slot = streetSlot(n % STREET_HOMES);
    const street = at(STREETS, slot % STREETS.length);
    const rest = Math.floor(slot / STREETS.length);
    const number = (rest % HOUSE_NUMBERS) + 1;
    const unit = Math.floor(rest / HOUSE_NUMBERS);
    const bucket = Math.floor((number - 1) / NUMBERS_PER_POSTCODE);
    const door = `${number} ${street.name}`;
    return {
      address: {
        line1: unit === 0 ? door : `Flat ${'ABC'.charAt(unit - 1)}, ${door}`,
        town: TOWN,
        postcode: `${street.district} ${inwardCode(`${street.district}|${street.name}|${bucket}`)}`,
        streetName: street.name,
      },
      type: unit === 0 ? 'house' : 'street-flat',
      parkingZones: street.parkingZones,
      wasteCollection: wasteCollectionFor(street.name, unit !== 0),
    };
  };

  return {
    next(kind) {
      if (kind === 'estate' && estatesUsed < ESTATE_HOMES) {
        estatesUsed += 1;
        return estateHome(estatesUsed - 1);
      }
      streetsUsed += 1;
      return streetHome(streetsUsed - 1);
    },
  };
}

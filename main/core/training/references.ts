/**
 * Account references residents read out over the phone. A Luhn check digit catches a
 * single mistyped digit or two swapped neighbours before an agent opens the wrong account.
 */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let value = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 0) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  return (10 - (sum % 10)) % 10;
}

export function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return luhnCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

/**
 * A keyed permutation of 0..size-1: a four-round Feistel network over the smallest even
 * number of bits that covers `size`, cycle-walking past values that fall outside it. The
 * nth household gets a distinct number that looks random, so references and homes never
 * repeat within a run and neighbours in the file are not neighbours on the street.
 */
export function createScatter(size: number, salt: number): (n: number) => number {
  if (!Number.isInteger(size) || size < 1 || size > 2 ** 30) throw new RangeError(`Cannot scatter over ${size} values.`);
  let bits = 2;
  while (2 ** bits < size) bits += 2;
  const half = bits / 2;
  const mask = (1 << half) - 1;
  const keys: number[] = [];
  let key = salt >>> 0;
  for (let i = 0; i < 4; i += 1) {
    key = Math.imul(key ^ (key >>> 16), 0x45d9f3b) + 0x9e3779b9;
    keys.push(key >>> 0);
  }
  const round = (value: number, roundKey: number): number => {
    let h = Math.imul(value ^ roundKey, 0x9e3779b1);
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca6b);
    return (h ^ (h >>> 13)) & mask;
  };
  const encrypt = (value: number): number => {
    let left = value >>> half;
    let right = value & mask;
    for (const roundKey of keys) {
      const next = left ^ round(right, roundKey);
      left = right;
      right = next;
    }
    return ((left << half) | right) >>> 0;
  };
  return (n) => {
    let value = n % size;
    do value = encrypt(value);
    while (value >= size);
    return value;
  };
}

/** 'CT' + 7 scattered digits + check digit, one per household. */
export function councilTaxReferences(salt: number): (householdIndex: number) => string {
  const scatter = createScatter(9_000_000, salt);
  return (n) => {
    const body = String(1_000_000 + scatter(n));
    return `CT${body}${luhnCheckDigit(body)}`;
  };
}

/** 'RN' + 6 scattered digits + check digit, one per tenancy. */
export function rentReferences(salt: number): (tenancyIndex: number) => string {
  const scatter = createScatter(900_000, salt);
  return (n) => {
    const body = String(100_000 + scatter(n));
    return `RN${body}${luhnCheckDigit(body)}`;
  };
}

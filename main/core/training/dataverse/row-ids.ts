/**
 * Dataverse keys every row with a GUID; the training data names rows 'res-000123'. The
 * stand-in turns one into the other without a lookup table, readable at a glance: the
 * first group says which kind of row, the last group its number, so
 * 'res-000123' is 00000001-0000-4000-8000-000000000123. In training mode the app sees only
 * these GUIDs, as it would see Dataverse's own in live mode.
 */
const KINDS: Readonly<Record<string, { code: number; width: number }>> = {
  res: { code: 1, width: 6 },
  hh: { code: 2, width: 6 },
  cta: { code: 3, width: 6 },
  rnt: { code: 4, width: 6 },
  pp: { code: 5, width: 6 },
  case: { code: 6, width: 7 },
  con: { code: 7, width: 7 },
  flg: { code: 8, width: 6 },
  stf: { code: 9, width: 3 },
};

const TRAINING_ID = /^([a-z]+)-(\d{1,12})$/;
const ROW_ID = /^0{7}(\d)-0000-4000-8000-(\d{12})$/;

export function rowIdFor(trainingId: string): string {
  const match = TRAINING_ID.exec(trainingId);
  const kind = match ? KINDS[match[1] ?? ''] : undefined;
  if (!match || !kind) throw new RangeError(`"${trainingId}" is not a training data id.`);
  return `${String(kind.code).padStart(8, '0')}-0000-4000-8000-${(match[2] ?? '').padStart(12, '0')}`;
}

/** The training id a stand-in GUID stands for, or null for a GUID the stand-in did not make. */
export function trainingIdFor(rowId: string): string | null {
  const match = ROW_ID.exec(rowId.toLowerCase());
  if (!match) return null;
  const entry = Object.entries(KINDS).find(([, kind]) => String(kind.code) === match[1]);
  if (!entry) return null;
  const number = Number(match[2]);
  return `${entry[0]}-${String(number).padStart(entry[1].width, '0')}`;
}

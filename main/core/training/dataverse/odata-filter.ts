import { badQuery, notSupportedHere, unknownProperty } from './odata-error';
import type { StandInRow } from './rows-people';
import type { Column, TableDefinition } from './schema';

/**
 * The $filter subset the adapter sends, evaluated the way Dataverse's SQL does: string
 * comparisons ignore case, GUIDs and dates are literals without quotes, and a column the
 * table lacks is an error rather than a silent non-match.
 */
export type RowTest = (row: StandInRow) => boolean;

type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'guid'; value: string }
  | { kind: 'date'; value: string }
  | { kind: 'datetime'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' };

interface Token {
  kind: 'string' | 'guid' | 'datetime' | 'date' | 'number' | 'name' | '(' | ')' | ',';
  text: string;
}

const TOKENS: [Token['kind'], RegExp][] = [
  ['string', /^'(?:[^']|'')*'/],
  ['guid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i],
  ['datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/],
  ['date', /^\d{4}-\d{2}-\d{2}/],
  ['number', /^-?\d+(?:\.\d+)?/],
  ['name', /^[A-Za-z_][A-Za-z0-9_]*/],
  ['(', /^\(/],
  [')', /^\)/],
  [',', /^,/],
];

function tokenise(filter: string): Token[] {
  const tokens: Token[] = [];
  let rest = filter.trim();
  while (rest.length > 0) {
    const found = TOKENS.map(([kind, pattern]) => ({ kind, match: pattern.exec(rest) })).find((each) => each.match);
    if (!found?.match) throw badQuery(`Syntax error at position ${filter.length - rest.length} in '${filter}'.`);
    tokens.push({ kind: found.kind, text: found.match[0] });
    rest = rest.slice(found.match[0].length).trimStart();
  }
  return tokens;
}

const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set(['contains', 'startswith', 'endswith']);

export function compileFilter(filter: string, table: TableDefinition): RowTest {
  const tokens = tokenise(filter);
  let at = 0;
  const peek = () => tokens[at];
  const next = (): Token => {
    const token = tokens[at];
    if (!token) throw badQuery(`The filter '${filter}' ends too soon.`);
    at += 1;
    return token;
  };
  const expect = (kind: Token['kind']) => {
    const token = next();
    if (token.kind !== kind) throw badQuery(`Expected '${kind}' but found '${token.text}' in '${filter}'.`);
    return token;
  };
  const isWord = (word: string) => peek()?.kind === 'name' && peek()?.text === word;
  const column = (name: string): Column => {
    const found = table.columns[name];
    if (!found) throw unknownProperty(name, table.logicalName);
    return found;
  };

  const or = (): RowTest => {
    let left = and();
    while (isWord('or')) {
      next();
      const [a, b] = [left, and()];
      left = (row) => a(row) || b(row);
    }
    return left;
  };
  const and = (): RowTest => {
    let left = unary();
    while (isWord('and')) {
      next();
      const [a, b] = [left, unary()];
      left = (row) => a(row) && b(row);
    }
    return left;
  };
  const unary = (): RowTest => {
    if (isWord('not')) {
      next();
      const inner = unary();
      return (row) => !inner(row);
    }
    if (peek()?.kind === '(') {
      next();
      const inner = or();
      expect(')');
      return inner;
    }
    const name = expect('name').text;
    if (FUNCTIONS.has(name)) return textFunction(name);
    const operator = expect('name').text;
    if (!COMPARISONS.has(operator)) throw badQuery(`'${operator}' is not a comparison the stand-in knows.`);
    return comparison(name, column(name), operator, literal(next()));
  };
  const textFunction = (name: string): RowTest => {
    expect('(');
    const target = expect('name').text;
    if (column(target).type !== 'text') throw badQuery(`${name} needs a text column, and ${target} is not one.`);
    expect(',');
    const value = literal(next());
    expect(')');
    if (value.kind !== 'string') throw badQuery(`${name} needs a quoted string.`);
    const needle = value.value.toLowerCase();
    return (row) => {
      const cell = row[target];
      if (typeof cell !== 'string') return false;
      const hay = cell.toLowerCase();
      return name === 'contains' ? hay.includes(needle) : name === 'startswith' ? hay.startsWith(needle) : hay.endsWith(needle);
    };
  };

  const test = or();
  if (at !== tokens.length) throw badQuery(`Unexpected '${tokens[at]?.text}' in '${filter}'.`);
  return test;
}

function literal(token: Token): Literal {
  switch (token.kind) {
    case 'string':
      return { kind: 'string', value: token.text.slice(1, -1).replaceAll("''", "'") };
    case 'guid':
      return { kind: 'guid', value: token.text.toLowerCase() };
    case 'date':
      return { kind: 'date', value: token.text };
    case 'datetime':
      return { kind: 'datetime', value: token.text };
    case 'number':
      return { kind: 'number', value: Number(token.text) };
    case 'name':
      if (token.text === 'true' || token.text === 'false') return { kind: 'bool', value: token.text === 'true' };
      if (token.text === 'null') return { kind: 'null' };
  }
  throw badQuery(`'${token.text}' is not a value.`);
}

/** Each column type takes the literals Dataverse's own type would. */
const ACCEPTS: Readonly<Record<Column['type'], readonly Literal['kind'][]>> = {
  guid: ['guid'],
  lookup: ['guid'],
  text: ['string'],
  date: ['date'],
  datetime: ['datetime', 'date'],
  bool: ['bool'],
  int: ['number'],
  money: ['number'],
  choice: ['number'],
  choices: [],
};

function comparison(name: string, column: Column, operator: string, value: Literal): RowTest {
  if (column.type === 'choices') throw notSupportedHere(`comparing the multi-select column ${name} (Dataverse uses ContainValues)`);
  if (value.kind === 'null') {
    if (operator !== 'eq' && operator !== 'ne') throw badQuery(`null can only be compared with eq or ne.`);
    return (row) => (row[name] === null || row[name] === undefined) === (operator === 'eq');
  }
  if (!ACCEPTS[column.type].includes(value.kind)) {
    throw badQuery(`A binary operator with incompatible types was detected. Found operand types for column '${name}' (${column.type}) and a ${value.kind} literal.`);
  }
  if ((column.type === 'guid' || column.type === 'lookup' || column.type === 'bool') && operator !== 'eq' && operator !== 'ne') {
    throw badQuery(`The operator '${operator}' cannot be used on '${name}'.`);
  }
  const key = (cell: unknown): string | number | boolean => {
    if (column.type === 'datetime') return Date.parse(String(cell));
    if (typeof cell === 'string') return column.type === 'date' ? cell.slice(0, 10) : cell.toLowerCase();
    return cell as number | boolean;
  };
  const wanted = key(value.value);
  return (row) => {
    const cell = row[name];
    if (cell === null || cell === undefined) return operator === 'ne';
    const have = key(cell);
    switch (operator) {
      case 'eq':
        return have === wanted;
      case 'ne':
        return have !== wanted;
      case 'gt':
        return have > wanted;
      case 'ge':
        return have >= wanted;
      case 'lt':
        return have < wanted;
      default:
        return have <= wanted;
    }
  };
}

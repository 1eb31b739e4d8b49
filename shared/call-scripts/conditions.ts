import type { AnswerValue } from './answers';
import type { Condition, ResidentFact } from './schema';

/** What the script knows about the resident on the line; null when no resident is open. */
export type ResidentFacts = Partial<Record<ResidentFact, string | number | boolean>> | null;

/** Three-valued: a rule about a fact nobody knows is neither true nor false. */
export type Truth = true | false | 'unknown';

type Comparisons = Omit<Extract<Condition, { answer: string }>, 'answer'>;

function compare(value: unknown, test: Comparisons): Truth {
  if (value === undefined || value === null) return 'unknown';
  if (test.equals !== undefined && value !== test.equals) return false;
  if (test.notEquals !== undefined && value === test.notEquals) return false;
  if (test.in !== undefined && !test.in.includes(value as string | number)) return false;
  if (test.atLeast !== undefined && !(typeof value === 'number' && value >= test.atLeast)) return false;
  if (test.below !== undefined && !(typeof value === 'number' && value < test.below)) return false;
  return true;
}

export function evaluate(condition: Condition, answers: Readonly<Record<string, AnswerValue | null>>, resident: ResidentFacts): Truth {
  if ('all' in condition) {
    const results = condition.all.map((each) => evaluate(each, answers, resident));
    return results.includes(false) ? false : results.includes('unknown') ? 'unknown' : true;
  }
  if ('any' in condition) {
    const results = condition.any.map((each) => evaluate(each, answers, resident));
    return results.includes(true) ? true : results.includes('unknown') ? 'unknown' : false;
  }
  if ('not' in condition) {
    const result = evaluate(condition.not, answers, resident);
    return result === 'unknown' ? 'unknown' : !result;
  }
  if ('answer' in condition) {
    const { answer, ...test } = condition;
    return compare(answers[answer], test);
  }
  const { resident: fact, ...test } = condition;
  return compare(resident?.[fact], test);
}

/**
 * @module eval/role-share
 * How often the coder puts the right actors on an event it finds: among predicted events paired
 * with a gold event of the same root (a multiset match on the root alone, per record), the share
 * whose source and target both compare equal (`actorKey`: the country for country codes). This
 * separates "found the event" from "found who did it to whom", which the F1 levels mix.
 */
import { actorKey, type Triple } from './score.js';

export interface RoleCounts {
  /** Predicted events paired with a gold event of their root. */
  rootPairs: number;
  /** Of those, pairs with source and target both right. */
  bothRight: number;
}

/** Pairs one record's predictions with gold by root, taking actor-right pairs first so that the share is not an artefact of pairing order. */
export function roleCounts(predicted: Triple[], gold: Triple[]): RoleCounts {
  const left = [...gold];
  const rest: Triple[] = [];
  let rootPairs = 0;
  let bothRight = 0;
  const same = (p: Triple, g: Triple) => actorKey(p.source) === actorKey(g.source) && actorKey(p.target) === actorKey(g.target);
  for (const p of predicted) {
    const i = left.findIndex((g) => g.code.slice(0, 2) === p.code.slice(0, 2) && same(p, g));
    if (i < 0) {
      rest.push(p);
      continue;
    }
    left.splice(i, 1);
    rootPairs++;
    bothRight++;
  }
  for (const p of rest) {
    const i = left.findIndex((g) => g.code.slice(0, 2) === p.code.slice(0, 2));
    if (i < 0) continue;
    left.splice(i, 1);
    rootPairs++;
  }
  return { rootPairs, bothRight };
}

/**
 * @module api/validation
 * Turns a zod validation failure into a 400 whose message names the parameter, e.g.
 * `parameter "limit": must be at most 1000`. Used as the app's `defaultHook`, so every route
 * reports bad input the same way.
 */
import type { ZodError } from 'zod';
import { HttpError } from './errors.js';

function describe(issue: ZodError['issues'][number]): { name: string; problem: string } {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return { name: issue.keys[0] ?? '?', problem: `unknown parameter${issue.keys.length > 1 ? 's' : ''} ${keys}; check the spelling against /openapi.json` };
  }
  const name = issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return { name, problem: 'is required' };
  // A repeated query parameter (?limit=1&limit=2) arrives as an array.
  if (issue.code === 'invalid_type' && /received array/.test(issue.message)) return { name, problem: 'is given more than once; give it once' };
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return { name, problem: `expected one of ${issue.values.map((v) => String(v)).join(', ')}` };
  }
  return { name, problem: issue.message };
}

/** The 400 error for a failed validation of `target` (query, param, json). */
export function validationError(error: ZodError): HttpError {
  const { name, problem } = describe(error.issues[0]);
  const detail = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  const label = name === 'body' ? 'body' : `parameter "${name}"`;
  return new HttpError(400, 'E_BAD_PARAMETER', `${label}: ${problem}${detail}`);
}

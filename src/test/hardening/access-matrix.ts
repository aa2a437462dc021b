/**
 * Who may call each route: the declared authorization of the whole HTTP surface, gathered from every
 * registered module (`access` in src/<module>/module.ts; core's in src/core/platform.ts). The matrix
 * test walks the real route table with every role and without a session and checks the answers
 * against it; a route missing here fails it by name. Scope (whose report, which OPD) is checked by the
 * modules' own tests; here a scope refusal (404) still counts as "the role got past the gate".
 * The rules are described at `AccessRule` (src/core/module.ts).
 *
 * "Denied" is 403, or 401 `unauthenticated`; a 401 `invalid_credentials` from log-in is an answer, not a refusal.
 */
import type { AccessRule } from '../../core/module.js';
import { MODULES } from '../../modules.js';

export type Rule = AccessRule;

/** Every module's rules; a route claimed by two modules is a registration mistake. */
function gather(): Record<string, Rule> {
  const matrix: Record<string, Rule> = {};
  for (const m of MODULES) {
    for (const [key, rule] of Object.entries(m.access)) {
      if (key in matrix) throw new Error(`${key} has a rule in two modules (${m.name} and an earlier one)`);
      matrix[key] = rule;
    }
  }
  return matrix;
}

export const ACCESS_MATRIX: Record<string, Rule> = gather();

import type { Application, TurnState } from '@microsoft/teams-ai';
import type { AppDeps } from '../../../src/app/deps';
import { VERBS } from '../../../src/cards/verbs';
import { cardVerb, registerCardVerbs, type CardVerb } from '../../../src/teams/card-verbs';
import { caseCardVerbs } from '../../../src/teams/case-verbs';
import { courseCardVerbs } from '../../../src/teams/course-handlers';
import { inlineDialogVerbs } from '../../../src/teams/inline-dialog-verbs';
import { PRIVACY_VERBS, privacyCardVerbs } from '../../../src/teams/privacy-handlers';
import { vtCardVerbs } from '../../../src/teams/vt-handlers';
import { caseActionDataSchema } from '../../../src/cards/verbs';

// Building the table touches no dependency (rows only close over deps); the routes run in the integration suites.
const deps = {} as AppDeps;
const table = (): CardVerb[] => [
  ...caseCardVerbs(deps),
  ...courseCardVerbs(deps),
  ...vtCardVerbs(deps),
  ...privacyCardVerbs(deps),
  ...inlineDialogVerbs(deps),
];

/** Records what the loop registers, in order (the catch-all must come last: teams-ai takes the first match). */
function recordingApp(): { app: Application<TurnState>; registered: (string | RegExp)[] } {
  const registered: (string | RegExp)[] = [];
  const app = { adaptiveCards: { actionExecute: (verb: string | RegExp) => void registered.push(verb) } };
  return { app: app as unknown as Application<TurnState>, registered };
}

describe('the card-verb table', () => {
  it('has exactly one row per card verb the cards can send', () => {
    const verbs = table().map((v) => v.verb);
    expect(new Set(verbs).size).toBe(verbs.length);
    expect([...verbs].sort()).toEqual([...Object.values(VERBS), PRIVACY_VERBS.erase].sort());
  });

  it('is registered by one loop, every verb once, the catch-all last', () => {
    const { app, registered } = recordingApp();
    registerCardVerbs(app, deps, table());
    expect(registered.slice(0, -1)).toEqual(table().map((v) => v.verb));
    expect(registered.at(-1)).toEqual(/.*/);
  });

  it('refuses a verb listed twice', () => {
    const { app } = recordingApp();
    const row = cardVerb({
      verb: 'x.twice',
      schema: caseActionDataSchema,
      command: async () => ({ ok: true as const, value: undefined }),
      answer: { kind: 'direct', respond: async () => undefined },
    });
    expect(() => registerCardVerbs(app, deps, [row, row])).toThrow(/registered twice: x\.twice/);
  });
});

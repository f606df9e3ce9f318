import { Repository } from '../../src/store/repository';
import { storeKinds, useDocStore } from '../helpers/stores';
import { T0, aCase, anAudit, at } from './fixtures/domain';

// A cap, not a wait: creating a Cosmos database per test on the emulator can take seconds on a loaded machine.
jest.setTimeout(30_000);

const OLD = 'case-old-advice-1';

/** An advice document as the product wrote it before its values became English (issue 11 item 6, last part). */
const oldAdvice = {
  caseId: OLD,
  status: 'besloten',
  draftedBy: 'u',
  sentAt: at(20),
  draft: {
    caseId: OLD,
    version: 1,
    composedAt: at(5),
    facts: [],
    contributions: [],
    rounds: [],
    openConcern: [],
    patterns: [
      { kind: 'oude_bekende', detail: '1 eerdere zaak', sources: [] },
      { kind: 'risicotaxatie', detail: 'B-SAFER', sources: [] },
    ],
    interventions: [],
    summary: '',
  },
  decision: { at: at(30), by: 'ovj', interventions: [] },
};

/** Advice documents written with the old Dutch values load with the English ones, on both adapters. */
describe.each(storeKinds)('old advice values read as the new ones: %s', (kind) => {
  const store = useDocStore(kind);
  let repo: Repository;
  beforeEach(async () => {
    const db = store().db;
    repo = new Repository(db);
    await repo.intakeCase(aCase(OLD), anAudit(OLD, 'case.intake', T0, `audit:${T0}:intake`), []);
    await db.commit([{ op: 'upsert', doc: { pk: OLD, id: 'advice', kind: 'advice', body: oldAdvice } }]);
  });

  it('the advice status, read alone and in the case bundle', async () => {
    expect((await repo.getAdvice(OLD))?.body.status).toBe('decided');
    expect((await repo.cases.loadBundle(OLD))?.bundle.advice?.body.status).toBe('decided');
  });

  it('the pattern kinds of the stored draft', async () => {
    expect((await repo.getAdvice(OLD))?.body.draft.patterns.map((p) => p.kind)).toEqual(['returning', 'risk_assessment']);
    expect((await repo.cases.loadBundle(OLD))?.bundle.advice?.body.draft.patterns.map((p) => p.kind)).toEqual([
      'returning',
      'risk_assessment',
    ]);
  });
});

import { intakeCase } from '../../src/app/intake-case';
import { castVote } from '../../src/app/cast-vote';
import { REPORT_AUDIT_CHAIN } from '../../src/app/report/view-report';
import { nlAftercare } from '../../src/i18n/nl/aftercare';
import { nlReport } from '../../src/i18n/nl/report';
import { ConnectorStub } from '../helpers/connector-stub';
import { LOCATION, sampleIntake, testRoster, USERS } from '../helpers/fixtures';
import { channelActivity, ManualClock, personalActivity, sendActivity, startTestHost, waitFor, type TestHost } from '../helpers/host';

jest.setTimeout(60_000);
const COORD = 'aad-coordinator-1';
const PUBLIC = 'https://zsm-hg.example.test';
const clock = new ManualClock(Date.parse('2026-04-15T10:00:00.000Z'));
let t: TestHost;

beforeAll(async () => {
  const roster = testRoster();
  roster.members.push({ aadObjectId: COORD, orgId: 'om', roles: ['coordinator'], locations: [LOCATION, 'noord-holland'] });
  t = await startTestHost({ roster, clock, env: { PUBLIC_BASE_URL: PUBLIC } });
  await sendActivity(t.base, channelActivity(t.stub.url, USERS.om, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }));
  for (const u of [COORD, USERS.om, USERS.politie]) await sendActivity(t.base, personalActivity(t.stub.url, u));
  // March 2026: two cases in Midden-Nederland (one with children, escalated acutely), one in Noord-Holland;
  // one in April (outside the asked month).
  const deps = t.host.deps;
  const seed = async (locationId: string, intakeAt: string, children: boolean): Promise<string> => {
    const r = await intakeCase(
      deps,
      sampleIntake({
        locationId,
        intakeAt,
        children: children ? { involved: true, ages: [7] } : { involved: false, ages: [] },
        persons: [{ role: 'verdachte', age: 40 }],
      }),
      { kind: 'system', id: 'test' },
    );
    if (!r.ok) throw new Error(r.error.code);
    return r.value.caseId;
  };
  const escalated = await seed(LOCATION, '2026-03-02T09:00:00.000Z', true);
  await seed(LOCATION, '2026-03-31T21:30:00.000Z', false); // 31 March 23:30 in Amsterdam: still March
  await seed('noord-holland', '2026-03-10T12:00:00.000Z', false);
  await seed(LOCATION, '2026-03-31T22:30:00.000Z', true); // 1 April 00:30 in Amsterdam: April
  const v = await castVote(deps, {
    caseId: escalated,
    aadObjectId: USERS.politie,
    input: { concern: true, reason: 'direct gevaar', acuteUnsafe: true },
  });
  expect(v.ok).toBe(true);
});
afterAll(async () => {
  await t.stop();
});

/** The bot's reply in a personal chat, as it reached the Connector stub. */
async function say(aad: string, text: string): Promise<Record<string, unknown>> {
  const before = t.stub.successful('send').length;
  await sendActivity(t.base, personalActivity(t.stub.url, aad, { type: 'message', text, membersAdded: undefined }));
  const reply = await waitFor('reply', () =>
    t.stub
      .successful('send')
      .slice(before)
      .find((c) => c.conversationId === `a:personal-${aad}`),
  );
  return reply.body;
}

type Element = {
  type: string;
  text?: string;
  facts?: { title: string; value: string }[];
  data?: unknown;
  actions?: { url: string }[];
  items?: Element[];
};
type Card = { body: Element[] };
/** A chart of the card (each stands in a container under its heading). */
const chartOf = (c: Card, type: string): Element | undefined => c.body.flatMap((b) => [b, ...(b.items ?? [])]).find((b) => b.type === type);
const cardOf = (body: Record<string, unknown>): Card => {
  const card = ConnectorStub.cardOf(body);
  if (!card) throw new Error(`no card in ${JSON.stringify(body)}`);
  return card as unknown as Card;
};
const fact = (c: Card, title: string): string | undefined =>
  c.body.find((b) => b.type === 'FactSet')?.facts?.find((f) => f.title === title)?.value;

describe('rapportage in a personal chat', () => {
  it('shows the coordinator every location of the month, with charts, and audits the view', async () => {
    const card = cardOf(await say(COORD, 'rapportage 2026-03'));
    expect(card.body[0].text).toBe(nlAftercare.report.title(nlAftercare.report.allLocations, '2026-03-01', '2026-03-31'));
    expect(fact(card, nlReport.facts.cases)).toBe('3');
    expect(fact(card, nlReport.facts.withChildren)).toBe('1 (33 %)');
    expect(fact(card, nlReport.facts.decisions)).toBe('1 / 0 / 0');
    expect(chartOf(card, 'Chart.VerticalBar')?.data).toEqual([
      { x: 'ZSM Midden-Nederland', y: 2 },
      { x: 'ZSM Noord-Holland', y: 1 },
    ]);
    expect(chartOf(card, 'Chart.HorizontalBar')?.data).toContainEqual({
      x: nlAftercare.report.rule.acute_unsafe,
      y: 1,
    });
    const audit = await t.host.deps.repo.listAudit(REPORT_AUDIT_CHAIN);
    expect(audit.at(-1)).toMatchObject({
      action: 'report.viewed',
      actorId: COORD,
      detail: { locations: `${LOCATION},noord-holland`, cases: 3 },
    });
  });

  it('shows the chair only their own location, and refuses other locations, members without the role and bad periods', async () => {
    const card = cardOf(await say(USERS.om, 'rapportage 2026-03'));
    expect(card.body[0].text).toBe(nlAftercare.report.title('ZSM Midden-Nederland', '2026-03-01', '2026-03-31'));
    expect(fact(card, nlReport.facts.cases)).toBe('2');
    expect(JSON.stringify(await say(USERS.om, 'rapportage noord-holland 2026-03'))).toContain(nlReport.refused.not_for_location);
    expect(JSON.stringify(await say(USERS.politie, 'rapportage'))).toContain(nlReport.refused.not_report_role);
    expect(JSON.stringify(await say(USERS.om, 'rapportage 2026-13'))).toContain(nlAftercare.report.periodErrors.invalid_period);
    expect(JSON.stringify(await say(USERS.om, 'rapportage 2024..2026'))).toContain(nlAftercare.report.periodErrors.period_too_long);
    expect(JSON.stringify(await say(USERS.om, 'rapportage 2026-03..2026-01'))).toContain(nlAftercare.report.periodErrors.empty_period);
  });

  it('defaults to the last 3 months (the April case included) and answers in a channel only with a pointer', async () => {
    const card = cardOf(await say(USERS.om, 'rapportage'));
    expect(card.body[0].text).toBe(nlAftercare.report.title('ZSM Midden-Nederland', '2026-01-15', '2026-04-15'));
    expect(fact(card, nlReport.facts.cases)).toBe('3');
    const before = t.stub.successful('send').length;
    await sendActivity(t.base, channelActivity(t.stub.url, USERS.om, { type: 'message', text: 'rapportage' }));
    const reply = await waitFor('channel reply', () => t.stub.successful('send').slice(before)[0]);
    expect(reply.body.text).toBe(nlReport.onlyPersonal);
    expect(JSON.stringify(reply.body)).not.toContain('Chart.');
  });

  it('exports the same figures as CSV behind a signed link that expires, is audited and carries no case data', async () => {
    const card = cardOf(await say(COORD, 'rapportage 2026-03'));
    const url = card.body.find((b) => b.type === 'ActionSet')?.actions?.[0]?.url;
    expect(url?.startsWith(`${PUBLIC}/rapportage.csv?t=`)).toBe(true);
    const local = `${t.base}${(url as string).slice(PUBLIC.length)}`;
    const res = await fetch(local);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="rapportage-2026-03-01-2026-03-31.csv"');
    const csv = await res.text();
    expect(csv).toContain('"ZSM Midden-Nederland","2026-03-01","2026-03-31","Zaken",2');
    expect(csv).toContain('"ZSM Noord-Holland","2026-03-01","2026-03-31","Zaken",1');
    expect(csv).toContain(`"${nlAftercare.report.allLocations}","2026-03-01","2026-03-31","Zaken",3`);
    expect(csv).not.toMatch(/[0-9a-f]{24}/); // no case id
    expect(csv).not.toContain('Melding via 112');
    expect((await t.host.deps.repo.listAudit(REPORT_AUDIT_CHAIN)).at(-1)).toMatchObject({ action: 'report.exported', actorId: COORD });

    // A changed token is refused; the same link after 10 minutes is gone.
    const forged = local.replace(/t=([A-Za-z0-9_-])/, (_m, c: string) => `t=${c === 'A' ? 'B' : 'A'}`);
    expect((await fetch(forged)).status).toBe(403);
    clock.advance(10 * 60_000 + 1);
    const late = await fetch(local);
    expect(late.status).toBe(410);
    expect(await late.text()).toBe(nlReport.csvFileRefused);
  });
});

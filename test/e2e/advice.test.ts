/**
 * From a case with two rounds to a recorded decision, in the Agents Playground: the chair drafts and
 * sends the advice from the case card; the OvJ (here the same Playground user) gets the advice card in
 * the personal chat and records the decision; the case card shows it.
 */
import { caseCode } from '../../src/domain/case-code';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  chatCard,
  clickCardButton,
  expandAndFill,
  lastCard,
  openChannel,
  openPersonalChat,
  RESULTS_DIR,
  waitForCardUpdate,
  withDiagnostics,
} from './harness';
import { e2eLocation, e2eTeam, startProduct, type ProductUnderTest } from './product';
import { CHANNEL_MARK, lastingPersonal, openPersonal, step } from './views';

jest.setTimeout(240_000);

const USER_AAD = 'e2e-chair-ovj-0001';
const LOCATION = 'e2e-advice';
const PLACE = e2eLocation({ id: LOCATION, channels: 'e2e-advice' });

describe('advice and decision in the Agents Playground', () => {
  let p: ProductUnderTest;

  beforeAll(async () => {
    p = await startProduct({
      locationId: LOCATION,
      roster: {
        locations: [PLACE],
        members: [{ aadObjectId: USER_AAD, orgId: 'om', roles: ['member', 'chair', 'ovj'], locations: [LOCATION] }],
      },
      playground: {
        tenantId: 'e2e-tenant',
        currentUser: { id: '29:e2e-chair-ovj', name: 'Desk Voorzitter', aadObjectId: USER_AAD },
        ...e2eTeam(PLACE),
      },
    });
  });

  afterAll(async () => {
    await p?.stop();
  });

  test('two rounds, the advice, and the OvJ decision recorded from the card', () =>
    withDiagnostics(p.parts, async () => {
      const caseId = await p.postCase();
      const ref = `Zaak ${caseCode(caseId)}`;
      const card = await lastCard(p.page, { hasText: ref, timeoutMs: 20_000 });

      expect(await card.innerText()).toContain(CHANNEL_MARK);
      await openPersonal(card, 'Buikpijn — ronde 1');
      await step(p, caseId, card, 'E2E: dreiging richting ex-partner', async () => {
        await expandAndFill(card, 'Buikpijn', { 'Waar gaat de buikpijn over?': 'E2E: dreiging richting ex-partner' });
        await clickCardButton(card, 'Buikpijn vastleggen');
      });
      await step(p, caseId, card, 'Nieuwe ronde: wie heeft er nog buikpijn?', async () => {
        await clickCardButton(card, 'Ronde sluiten');
        await clickCardButton(card, 'Ja, ronde nu sluiten');
      });
      await step(p, caseId, card, 'Buikpijn — ronde 2', () => clickCardButton(card, 'Nieuwe ronde: wie heeft er nog buikpijn?'));
      await step(p, caseId, card, /0 buikpijn · 1 geen buikpijn/, () => clickCardButton(card, 'Geen buikpijn'));

      await step(p, caseId, card, /Advies \(concept\)/, () => clickCardButton(card, 'Advies opstellen'));
      await step(p, caseId, card, /versie 2/, async () => {
        await expandAndFill(card, 'Advies aanpassen', {
          'Samenvatting voor de OvJ': 'E2E: dreiging naar ex-partner; eerst veiligheid, dan zorg.',
        });
        await clickCardButton(card, 'Advies opslaan');
      });
      await step(p, caseId, card, /Advies verzonden om/, async () => {
        await clickCardButton(card, 'Verstuur naar OvJ');
        await clickCardButton(card, 'Ja, verstuur naar OvJ');
      });

      await openPersonalChat(p.page);
      const advice = await chatCard(p.page, `Advies aan de OvJ — HG-zaak ${caseCode(caseId)}`, { timeoutMs: 20_000 });
      // The screenshot for the closing note (docs/advice-card.png is refreshed by hand from this file).
      mkdirSync(RESULTS_DIR, { recursive: true });
      await advice.screenshot({ path: join(RESULTS_DIR, 'advice-card.png') });
      await expandAndFill(advice, 'Besluit vastleggen', {
        'Toelichting bij het besluit (optioneel)': 'E2E: contactverbod, reclassering houdt toezicht.',
      });
      await clickCardButton(advice, 'Besluit opslaan');
      await waitForCardUpdate(advice, /Besloten om/);
      expect(await advice.innerText()).toContain('E2E: contactverbod, reclassering houdt toezicht.');

      await openChannel(p.page, 'General');
      const after = await lastCard(p.page, { hasText: ref, timeoutMs: 20_000 });
      expect(await lastingPersonal(p, after, /Besluit OvJ/)).toContain('E2E: contactverbod');
      if (process.env.SAVE_DOCS_SCREENSHOT === '1')
        copyFileSync(join(RESULTS_DIR, 'advice-card.png'), join(__dirname, '..', '..', 'docs', 'advice-card.png'));
    }));
});

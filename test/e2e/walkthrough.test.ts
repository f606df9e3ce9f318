/**
 * The README walkthrough ("Try it"), step by step and with the texts the README quotes: `npm start`
 * with nothing but the defaults (example roster and VT configuration, the Playground's own default
 * user "Alex Wilber", team "My Team" with "General" and "Announcements"), `npm run sample-case`, a
 * vote, the escalation to the Actieoverleg (Announcements), a VT answer in the Personal Chat and the
 * OvJ decision. When this test changes, change README.md § "Try it" with it.
 */
import { caseCode } from '../../src/domain/case-code';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  chatCard,
  clickCardButton,
  expandAndFill,
  lastCard,
  launchBrowser,
  openChannel,
  openPersonalChat,
  openPlayground,
  postInChannel,
  waitForCardUpdate,
  withDiagnostics,
  type E2EParts,
} from './harness';
import { npmRunSampleCase, npmStart, type NpmStart } from './npm-start';
import { Repository } from '../../src/store/repository';
import { SqliteDocStore } from '../../src/store/sqlite/sqlite-docstore';
import { CHANNEL_MARK, jobsDone, lastingPersonal, openPersonal, step, type BotStore } from './views';

jest.setTimeout(420_000);

/** Has the bot stored the reference of the case card's post (i.e. posted it)? */
async function cardPosted(store: BotStore, caseId: string): Promise<boolean> {
  const db = SqliteDocStore.open(join(store.dataDir, 'zsm.db'), store.storeKey ?? '');
  try {
    return (await new Repository(db).getCardRef(caseId)) !== null;
  } finally {
    await db.close();
  }
}

describe('README walkthrough: npm start → sample case → vote → Actieoverleg → VT → OvJ decision', () => {
  let dataDir: string;
  let app: NpmStart | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const parts: E2EParts = {};

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'zsm-walkthrough-'));
    app = await npmStart(dataDir);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await app?.stop();
    if (app) console.log(`[walkthrough] npm start output (tail):\n${app.output().split('\n').slice(-15).join('\n')}`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('follows README § "Try it" word for word', () =>
    withDiagnostics(parts, async () => {
      const a = app as NpmStart;
      // npm start installed the app in the Playground's team before any page was opened.
      expect(a.output()).toContain('the app is installed in the Playground team "My Team" (channel General)');

      // 1. Open the Playground URL: it opens in the Personal Chat.
      page = await openPlayground(browser as Browser, a.url);
      parts.page = page;

      // 2. npm run sample-case (before General was ever opened: the card is posted at once).
      const t0 = Date.now();
      const sample = await npmRunSampleCase(Number(new URL(a.botUrl).port));
      const sampleDoneMs = Date.now() - t0;
      expect(sample.code).toBe(0);
      const m = /^201 \{"caseId":"([0-9a-f]+)","created":true\}/m.exec(sample.out);
      expect(m).not.toBeNull();
      const caseId = (m as RegExpExecArray)[1] as string;
      const code = caseCode(caseId);

      // The card was posted before anyone opened General (no wait for an installation event).
      const store = { dataDir: a.dataDir, storeKey: a.storeKey };
      await jobsDone(store);
      expect(await cardPosted(store, caseId)).toBe(true);

      // 3. My Team › General: the case card is there.
      await openChannel(page, 'General', { team: 'My Team' });
      const card = await lastCard(page, { hasText: `Zaak ${code}`, timeoutMs: 30_000 });
      const firstCardMs = Date.now() - t0;
      console.log(
        `[walkthrough] npm run sample-case → card visible in General: ${firstCardMs} ms (the script itself took ${sampleDoneMs} ms)`,
      );
      const posted = await card.innerText();
      expect(posted).toContain(CHANNEL_MARK);
      expect(posted).toContain('ronde 1 · 0 van 6 gestemd · 0 buikpijn');

      // 4. Openen: the personal view. Buikpijn, with "Acuut onveilig": the vote, and the escalation at once.
      await openPersonal(card, 'Buikpijn — ronde 1');
      const voted = await step(store, caseId, card, /1 buikpijn · 0 geen buikpijn · 5 nog niet gestemd/, async () => {
        await expandAndFill(card, 'Buikpijn', {
          'Waar gaat de buikpijn over?': 'Kinderen waren getuige; dreiging na vrijlating',
          'Acuut onveilig': true,
        });
        await clickCardButton(card, 'Buikpijn vastleggen');
      });
      expect(voted).toContain('ACUUT ONVEILIG');
      await lastingPersonal(store, card, /Naar Actieoverleg op \d\d:\d\d — acuut onveilig gemeld door OM/);

      // 5. My Team › Announcements (the Actieoverleg channel): the Actieoverleg card.
      await openChannel(page, 'Announcements', { team: 'My Team' });
      const ao = await lastCard(page, { hasText: `Actieoverleg — zaak ${code}`, timeoutMs: 30_000 });
      expect(await ao.innerText()).toContain(CHANNEL_MARK);
      const aoView = await openPersonal(ao, 'Kinderen waren getuige; dreiging na vrijlating');
      expect(aoView).toContain('acuut onveilig gemeld door OM');
      expect(aoView).toContain('Vraag aan het Actieoverleg');
      expect(aoView).toContain('Casusverantwoordelijke: Nog niemand');
      await step(store, caseId, ao, /Casusverantwoordelijke: OM \(sinds \d\d:\d\d\)/, () =>
        clickCardButton(ao, 'Ik word casusverantwoordelijke'),
      );

      // 6. Back to General: choose the VT region and ask VT.
      await openChannel(page, 'General', { team: 'My Team' });
      const card2 = await lastCard(page, { hasText: `Zaak ${code}`, timeoutMs: 30_000 });
      await openPersonal(card2, 'Regio Veilig Thuis onbekend');
      await step(store, caseId, card2, 'Veilig Thuis — regio Playground (voorbeeld)', async () => {
        await expandAndFill(card2, 'Regio wijzigen', { 'Regio Veilig Thuis': 'Playground (voorbeeld)' });
        await clickCardButton(card2, 'Regio opslaan');
      });
      await step(store, caseId, card2, /gevraagd om/, () => clickCardButton(card2, 'Vraag VT'));

      // 7. Personal Chat: the VT consultation card (Alex Wilber is VT's on-call member in the example).
      await openPersonalChat(page);
      const consult = await chatCard(page, `Zaak ${code}`, { timeoutMs: 30_000 });
      expect(await consult.innerText()).toContain('Is dit gezin bekend bij Veilig Thuis?');
      await clickCardButton(consult, 'Niet bekend');
      await waitForCardUpdate(consult, 'Dank u. Uw antwoord staat bij de zaak.');

      // 8. General: the answer is on the case card; draft the advice and send it to the OvJ.
      await openChannel(page, 'General', { team: 'My Team' });
      const card3 = await lastCard(page, { hasText: `Zaak ${code}`, timeoutMs: 30_000 });
      expect(await lastingPersonal(store, card3, /beantwoord om/)).toContain('Niet bekend bij Veilig Thuis');
      await step(store, caseId, card3, /Advies \(concept\) · versie 1/, () => clickCardButton(card3, 'Advies opstellen'));
      await step(store, caseId, card3, /Advies verzonden om \d\d:\d\d — wacht op het besluit van de OvJ/, async () => {
        await clickCardButton(card3, 'Verstuur naar OvJ'); // asks first
        await clickCardButton(card3, 'Ja, verstuur naar OvJ');
      });

      // 9. Personal Chat: the advice card; the OvJ records the decision.
      await openPersonalChat(page);
      const advice = await chatCard(page, `Advies aan de OvJ — HG-zaak ${code}`, { timeoutMs: 30_000 });
      await expandAndFill(advice, 'Besluit vastleggen', {
        'Toelichting bij het besluit (optioneel)': 'Voorgeleiden; contactverbod als voorwaarde.',
        'Er is nog buikpijn. Waarom staat het besluit toch?': 'Juist vanwege de acute dreiging wordt voorgeleid.',
      });
      await clickCardButton(advice, 'Besluit opslaan');
      await waitForCardUpdate(advice, /Besloten om/);

      // 10. General: the decision is on the case card.
      await openChannel(page, 'General', { team: 'My Team' });
      const card4 = await lastCard(page, { hasText: `Zaak ${code}`, timeoutMs: 30_000 });
      expect(await lastingPersonal(store, card4, /Besluit OvJ/)).toContain('Voorgeleiden; contactverbod als voorwaarde.');

      // "@Test Bot agenda" in General: the agenda card of the location.
      await postInChannel(page, 'agenda', { botName: 'Test Bot' });
      const agenda = await lastCard(page, { hasText: 'Agenda ZSM Midden-Nederland (voorbeeld)', timeoutMs: 30_000 });
      expect(await agenda.innerText()).toContain(code);
    }));
});

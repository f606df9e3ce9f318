/**
 * Issue 14 "must show", in the real Agents Playground: a case goes into verdieping with a horizon
 * two days ahead, a partner (OM, the chair) asks RvdK a question, RvdK answers, the duiding is written
 * and confirmed, the safety plan names a holder for each child, a violation of a locatieverbod
 * escalates to the Actieoverleg (whose card shows the plan), and the advice to the OvJ shows all of it.
 *
 * The chair (OM, also the OvJ here) works in the Playground UI: the "Verdiepen" view and its forms.
 * RvdK and Politie are other Teams clients, whose card actions reach the bot as activities with the
 * Playground's service URL (as in actieoverleg.test.ts).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { SIGNAL_INPUTS as SI, SIGNAL_VERBS } from '../../src/cards/safety-signals';
import { VD_INPUTS as VI, VD_VERBS, VD_VIEW_VERB } from '../../src/cards/verdieping-inputs';
import { caseCode } from '../../src/domain/case-code';
import { VERBS } from '../../src/cards/verbs';
import { chatCard, clickCardButton, expandAndFill, lastCard, openChannel, openPersonalChat, RESULTS_DIR, withDiagnostics } from './harness';
import { e2eLocation, e2eTeam, startProduct, type ProductUnderTest } from './product';
import { CHANNEL_MARK, jobsDone, lastingPersonal, openPersonal, step } from './views';

jest.setTimeout(360_000);

const CHAIR_AAD = 'e2e-vd-om-chair-0001';
const RVDK_AAD = 'e2e-vd-rvdk-0001';
const POLITIE_AAD = 'e2e-vd-politie-0001';
const LOCATION = 'e2e-vd';
const PLACE = e2eLocation({ id: LOCATION, channels: 'e2e-vd' });
const USERS = {
  rvdk: { id: '29:e2e-vd-rvdk', aadObjectId: RVDK_AAD, name: 'Raad Medewerker' },
  politie: { id: '29:e2e-vd-politie', aadObjectId: POLITIE_AAD, name: 'Politie Medewerker' },
};

/** A Dutch calendar date and clock time of an instant ("2026-11-25", "10:00"). */
function amsterdam(at: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

describe('verdieping in the Agents Playground (issue 14)', () => {
  let p: ProductUnderTest;

  beforeAll(async () => {
    p = await startProduct({
      locationId: LOCATION,
      roster: {
        locations: [PLACE],
        members: [
          { aadObjectId: CHAIR_AAD, orgId: 'om', roles: ['member', 'chair', 'ovj'], locations: [LOCATION] },
          { aadObjectId: RVDK_AAD, orgId: 'rvdk', roles: ['member'], locations: [LOCATION] },
          { aadObjectId: POLITIE_AAD, orgId: 'politie', roles: ['member'], locations: [LOCATION] },
        ],
      },
      playground: {
        tenantId: 'e2e-tenant',
        currentUser: { id: '29:e2e-vd-chair', name: 'Desk Voorzitter', aadObjectId: CHAIR_AAD },
        users: [
          { id: USERS.rvdk.id, name: USERS.rvdk.name, aadObjectId: RVDK_AAD },
          { id: USERS.politie.id, name: USERS.politie.name, aadObjectId: POLITIE_AAD },
        ],
        ...e2eTeam(PLACE, { actieoverleg: true }),
      },
    });
  });

  afterAll(async () => {
    await p?.stop();
  });

  /** The chair opens "Verdiepen" on the personal case card; the message shows the verdieping view. */
  async function openVerdiepen(card: Locator, caseId: string): Promise<void> {
    await step(p, caseId, card, /Verdiepen · Zaak/, () => clickCardButton(card, 'Verdiepen'));
  }

  test('into verdieping, a question answered, the duiding confirmed, a plan per child, a violation to the Actieoverleg, and the advice shows it', () =>
    withDiagnostics(p.parts, async () => {
      const caseId = await p.postCase();
      const code = caseCode(caseId);
      const card = await lastCard(p.page, { hasText: `Zaak ${code}`, timeoutMs: 20_000 });
      expect(await card.innerText()).toContain(CHANNEL_MARK);
      await openPersonal(card, 'Buikpijn — ronde 1');

      // 1. Into verdieping, the next moment two days ahead (the time left empty: 09:00 Dutch time).
      const horizon = amsterdam(new Date(Date.now() + 2 * 86_400_000)).date;
      await openVerdiepen(card, caseId);
      const inVerdieping = await step(p, caseId, card, /Volgende bespreking: .* \(Termijnzaak\)/, async () => {
        await expandAndFill(card, 'In verdieping nemen', {
          Reden: 'Termijnzaak',
          'Datum volgende bespreking (jjjj-mm-dd)': horizon,
        });
        await clickCardButton(card, 'Opslaan');
      });
      expect(inVerdieping).toMatch(/Volgende bespreking: \S+ \d+ \S+ 09:00 \(Termijnzaak\)/);
      expect(inVerdieping).not.toMatch(/termijn verstreken/i);

      // 2. The chair (OM) asks RvdK a question, with why it is needed and what it changes.
      await openVerdiepen(card, caseId);
      await step(p, caseId, card, /OM vraagt Raad voor de Kinderbescherming \(0 uur open\)/, async () => {
        await expandAndFill(card, 'Vraag stellen', {
          'Aan welke organisatie?': 'Raad voor de Kinderbescherming',
          'Uw vraag': 'E2E: loopt er een ondertoezichtstelling voor de kinderen?',
          'Waarom is het antwoord nodig?': 'Bepaalt wie de veiligheid van de kinderen bewaakt.',
          'Wat verandert het antwoord aan de aanpak?': 'Zonder OTS vragen we de Raad om een onderzoek.',
        });
        // The form's submit has the same title as the form: the last of the two buttons.
        await card.getByRole('button', { name: 'Vraag stellen', exact: true }).last().click();
      });

      // 3. RvdK sees it first in its own view and answers from the verdieping view's form.
      const rvdkCard = await p.partnerActs(USERS.rvdk, VERBS.open, { caseId });
      expect(rvdkCard).toMatch(/Gevraagd van u: 1 vraag beantwoorden/);
      expect(rvdkCard).toContain('Gevraagd van u door OM (0 uur open)');
      const rvdkView = await p.partnerActs(USERS.rvdk, VD_VIEW_VERB, { caseId });
      expect(rvdkView).toContain('1. OM (0 uur open)');
      expect(rvdkView).toContain(`"verb":"${SIGNAL_VERBS.answerInfo}"`);
      const requestId = /"value":"(inforeq:[^"]+)"/.exec(rvdkView)?.[1];
      expect(requestId).toBeDefined();
      const answered = await p.partnerActs(USERS.rvdk, SIGNAL_VERBS.answerInfo, {
        caseId,
        [SI.requestId]: requestId,
        [SI.answerText]: 'E2E: ja, er loopt een OTS voor beide kinderen; jeugdbescherming is betrokken.',
        [SI.answerSource]: 'own_system',
        [SI.answerNeedToKnow]: 'Nodig om de veiligheid van de kinderen te beleggen.',
      });
      expect(answered).toContain('Uw antwoord is vastgelegd');

      // 4. The duiding: proposed in the chair's view, then confirmed by the chair.
      await jobsDone(p);
      await openPersonal(card, /Volgende bespreking/);
      await openVerdiepen(card, caseId);
      await step(p, caseId, card, /Er ligt 1 voorstel klaar voor de voorzitter/, async () => {
        await expandAndFill(card, 'Duiding voorstellen', {
          'Wat is er gebeurd': 'E2E: mishandeling in de woning; de kinderen waren erbij.',
          Zorgen: 'E2E: herhaald geweld, ex-partner zoekt contact ondanks locatieverbod.',
          'Wat willen we samen bereiken?': 'E2E: rust en veiligheid voor moeder en kinderen.',
        });
        await clickCardButton(card, 'Opslaan');
      });
      await openVerdiepen(card, caseId);
      await step(p, caseId, card, /Versie 1, voorgesteld door OM/, () => clickCardButton(card, 'Duiding versie 1 bevestigen'));

      // 5. The safety plan names a holder for each child (the chair, in the form), and RvdK for the victim.
      for (const child of ['kind, 13 jr', 'kind, 9 jr']) {
        await openVerdiepen(card, caseId);
        await step(p, caseId, card, `${child}: Raad voor de Kinderbescherming (SAVE / jeugdbescherming)`, async () => {
          await expandAndFill(card, 'Veiligheidsplan bijwerken', {
            Betrokkene: child,
            'Wie bewaakt de veiligheid': 'RvdK',
            'Overgedragen aan (optioneel)': 'SAVE / jeugdbescherming',
            Maatregel: `E2E: OTS, gezinsvoogd ziet ${child} wekelijks.`,
            Status: 'loopt',
            'Controledatum (jjjj-mm-dd)': horizon,
          });
          await clickCardButton(card, 'Opslaan');
        });
      }
      expect(
        await p.partnerActs(USERS.rvdk, VD_VERBS.setSafety, {
          caseId,
          [VI.person]: 'slachtoffer-1',
          [VI.holderOrg]: 'vt',
          [VI.measure]: 'E2E: veiligheidsplan met Veilig Thuis, wekelijks contact.',
          [VI.status]: 'running',
          [VI.checkDate]: horizon,
        }),
      ).toContain('Het veiligheidsplan is bijgewerkt');

      // 6. Politie records the locatieverbod and reports its violation: the case goes to the Actieoverleg.
      expect(
        await p.partnerActs(USERS.politie, SIGNAL_VERBS.addMeasure, {
          caseId,
          [SI.measureType]: 'location_ban',
          [SI.measureHolder]: 'om',
          [SI.measureUntil]: amsterdam(new Date(Date.now() + 60 * 86_400_000)).date,
        }),
      ).toContain('De maatregel is vastgelegd');
      const measureId = /"value":"(measure:[^"]+)"/.exec(await p.partnerActs(USERS.politie, VD_VIEW_VERB, { caseId }))?.[1];
      expect(measureId).toBeDefined();
      const when = amsterdam(new Date(Date.now() - 30 * 60_000));
      const violation = await p.partnerActs(USERS.politie, SIGNAL_VERBS.reportViolation, {
        caseId,
        [SI.measureId]: measureId,
        [SI.violationDate]: when.date,
        [SI.violationTime]: when.time,
      });
      expect(violation).toContain('De zaak gaat naar het Actieoverleg');
      await jobsDone(p);

      // The Actieoverleg: the minimal message in its channel; the personal card shows the safety plan.
      await openChannel(p.page, 'Actieoverleg');
      const ao = await lastCard(p.page, { hasText: `Actieoverleg — zaak ${code}`, timeoutMs: 20_000 });
      expect(await ao.innerText()).toContain(CHANNEL_MARK);
      const aoText = await openPersonal(ao, 'Veiligheidsplan per persoon');
      expect(aoText).toMatch(/overtred/i);
      for (const who of ['kind, 13 jr', 'kind, 9 jr', 'slachtoffer, 31 jr']) expect(aoText).toContain(who);
      expect(aoText).not.toContain('niemand verantwoordelijk');

      // 7. The advice: drafted and sent by the chair; the OvJ's card starts from the confirmed duiding.
      await openChannel(p.page, 'General');
      const again = await lastCard(p.page, { hasText: `Zaak ${code}`, timeoutMs: 20_000 });
      await lastingPersonal(p, again, /Volgende bespreking/);
      await step(p, caseId, again, /Advies \(concept\)/, () => clickCardButton(again, 'Advies opstellen'));
      await step(p, caseId, again, /Advies verzonden om/, async () => {
        await clickCardButton(again, 'Verstuur naar OvJ');
        await clickCardButton(again, 'Ja, verstuur naar OvJ');
      });
      await openPersonalChat(p.page);
      const advice = await chatCard(p.page, `Advies aan de OvJ — HG-zaak ${code}`, { timeoutMs: 20_000 });
      const text = await advice.innerText();
      // The duiding as confirmed, before the summary.
      expect(text).toContain('Gezamenlijke duiding');
      expect(text).toContain('E2E: rust en veiligheid voor moeder en kinderen.');
      expect(text).toMatch(/Versie 1 van OM, bevestigd door de voorzitter/);
      expect(text.indexOf('Gezamenlijke duiding')).toBeLessThan(text.indexOf('Samenvatting'));
      // The plan per person: holder, receiving party, measure, status.
      expect(text).toContain('kind, 13 jr: Raad voor de Kinderbescherming (SAVE / jeugdbescherming)');
      expect(text).toContain('kind, 9 jr: Raad voor de Kinderbescherming (SAVE / jeugdbescherming)');
      expect(text).toContain('slachtoffer, 31 jr: Veilig Thuis');
      expect(text).toContain('status loopt');
      // The violation and the running measure; the question with its answer; what is missing.
      expect(text).toMatch(/Overtreding van locatieverbod op .* \(gemeld door Politie\)/);
      expect(text).toContain('Locatieverbod, houder OM');
      expect(text).toMatch(/Beantwoord door Raad voor de Kinderbescherming op/);
      expect(text).toContain('E2E: loopt er een ondertoezichtstelling voor de kinderen?');
      expect(text).toContain('Antwoord: E2E: ja, er loopt een OTS voor beide kinderen');
      expect(text).toContain('Wat ontbreekt over de betrokkenen');
      expect(text).toContain('Met het kind van 9 is niet gesproken.');

      // The Playground's message pane clips what lies outside the window: a window taller than the card.
      mkdirSync(RESULTS_DIR, { recursive: true });
      const viewport = p.page.viewportSize() ?? { width: 1280, height: 900 };
      const height = (await advice.boundingBox())?.height ?? 0;
      await p.page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(height) + 700) });
      await advice.scrollIntoViewIfNeeded();
      await advice.screenshot({ path: join(RESULTS_DIR, 'verdieping-advies.png') });
      await p.page.setViewportSize(viewport);
      if (process.env.SAVE_DOCS_SCREENSHOT === '1') {
        mkdirSync(join(__dirname, '..', '..', 'docs', 'verdiepen'), { recursive: true });
        copyFileSync(join(RESULTS_DIR, 'verdieping-advies.png'), join(__dirname, '..', '..', 'docs', 'verdiepen', 'advies.png'));
      }
    }));
});

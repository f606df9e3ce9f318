/**
 * The core loop in the real Agents Playground, driven in headless Chromium: a case arrives through
 * the intake API, its card appears in the location channel, a partner adds context information and
 * votes from the card, and the card changes. The bot process restarts in the middle; nothing is lost.
 */
import { caseCode } from '../../src/domain/case-code';
import { join } from 'node:path';
import { Repository } from '../../src/store/repository';
import { SqliteDocStore } from '../../src/store/sqlite/sqlite-docstore';
import { E2E_SECRETS, clickCardButton, expandAndFill, lastCard, withDiagnostics } from './harness';
import { e2eLocation, e2eTeam, startProduct, type ProductUnderTest } from './product';
import { CHANNEL_MARK, lastingPersonal, openPersonal, step } from './views';

jest.setTimeout(240_000);

const USER_AAD = 'e2e-politie-aad-0001';
const LOCATION = 'e2e-midden-nederland';
const PLACE = e2eLocation({ id: LOCATION, channels: 'e2e-zsm', ovjChannel: true, termijnHours: 6 });

describe('core loop in the Agents Playground', () => {
  let p: ProductUnderTest;

  beforeAll(async () => {
    p = await startProduct({
      locationId: LOCATION,
      roster: {
        locations: [PLACE],
        members: [{ aadObjectId: USER_AAD, orgId: 'politie', roles: ['member', 'chair'], locations: [LOCATION] }],
      },
      playground: {
        tenantId: 'e2e-tenant',
        currentUser: { id: '29:e2e-politie', name: 'Desk Politie', aadObjectId: USER_AAD },
        ...e2eTeam(PLACE, { actieoverleg: true }),
      },
    });
  });

  afterAll(async () => {
    await p?.stop();
  });

  test('a posted case appears as a card; context information and a vote from the card change it, across a bot restart', () =>
    withDiagnostics(p.parts, async () => {
      const caseId = await p.postCase({ summary: 'E2E: buren melden geschreeuw; slachtoffer met letsel; kinderen thuis.' });
      const card = await lastCard(p.page, { hasText: `Zaak ${caseCode(caseId)}`, timeoutMs: 20_000 });
      // The channel message: case code, HG/KM, where the round stands — no content.
      const posted = await card.innerText();
      expect(posted).toContain(CHANNEL_MARK);
      expect(posted).toContain('HG');
      expect(posted).toContain('KM');
      expect(posted).toContain('ronde 1 · 0 van 6 gestemd · 0 buikpijn');
      expect(posted).not.toContain('kind (13 jr)');
      expect(posted).not.toContain('E2E: buren melden');
      // "Openen": the personal view of a roster member.
      const shown = await openPersonal(card, 'kind (13 jr)');
      expect(shown).toContain('E2E: buren melden geschreeuw');

      // The actor's own view answers first; the job loop then puts the channel card back: reopen.
      await step(p, caseId, card, 'E2E: eerdere HG-melding in 2025', async () => {
        await expandAndFill(card, 'Contextinformatie toevoegen', {
          Contextinformatie: 'E2E: eerdere HG-melding in 2025, toen geen aangifte gedaan.',
          Bron: 'Eigen systeem',
          'Waarom is dit nodig en wat verandert het aan de aanpak?': 'Herhaald geweld weegt mee in de keuze voor voorgeleiding.',
        });
        await clickCardButton(card, 'Toevoegen');
      });

      // A restart in the middle: what was stored stays, and the card keeps working.
      await p.bot.restart();

      await lastingPersonal(p, card, 'E2E: eerdere HG-melding in 2025');
      // The voter's own view, then the message update for everyone (count only); the lasting personal view shows all.
      const after = await step(p, caseId, card, /1 buikpijn · 0 geen buikpijn · 5 nog niet gestemd/, async () => {
        await expandAndFill(card, 'Buikpijn', {
          'Waar gaat de buikpijn over?': 'E2E: kinderen getuige van geweld',
          'Acuut onveilig': true,
        });
        await clickCardButton(card, 'Buikpijn vastleggen');
      });
      expect(after).toContain('E2E: eerdere HG-melding in 2025');
      expect(after).toContain('E2E: kinderen getuige van geweld');
      expect(after).toContain('ACUUT ONVEILIG');

      // And in the store (the bot's own SQLite file, opened alongside it: WAL allows that).
      const db = SqliteDocStore.open(join(p.dataDir, 'zsm.db'), E2E_SECRETS.STORE_ENCRYPTION_KEY);
      try {
        const repo = new Repository(db);
        expect((await repo.listContributions(caseId)).map((c) => c.orgId)).toEqual(['politie']);
        expect(await repo.listVotes(caseId)).toEqual([expect.objectContaining({ orgId: 'politie', concern: true, acuteUnsafe: true })]);
      } finally {
        await db.close();
      }
    }));
});

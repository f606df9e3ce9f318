/**
 * The core loop in the real Agents Playground, driven in headless Chromium: a case arrives through
 * the intake API, its card appears in the location channel, a partner adds context information and
 * votes from the card, and the card changes. The bot process restarts in the middle; nothing is lost.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath } from '../../scripts/ensure-chromium';
import type { RosterFileInput } from '../../src/domain/roster';
import { signBody } from '../../src/http/signature';
import { SqliteDocStore } from '../../src/store/sqlite/sqlite-docstore';
import { Repository } from '../../src/store/repository';
import { sampleIntake } from '../helpers/fixtures';
import {
  clickCardButton,
  E2E_SECRETS,
  expandAndFill,
  freePort,
  lastCard,
  launchBrowser,
  openChannel,
  openPlayground,
  startBot,
  startTestPlayground,
  waitForCardUpdate,
  withDiagnostics,
  writePlaygroundConfig,
  type BotHandle,
  type E2EParts,
  type Playground,
} from './harness';

jest.setTimeout(240_000);

const USER_AAD = 'e2e-politie-aad-0001';
const GENERAL = '19:e2e-zsm-general@thread.tacv2';
const LOCATION = 'e2e-midden-nederland';

describe('core loop in the Agents Playground', () => {
  let dataDir: string;
  let bot: BotHandle | undefined;
  let playground: Playground | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const parts: E2EParts = {};

  beforeAll(async () => {
    if (!existsSync(chromiumPath())) throw new Error(`Chromium not found at ${chromiumPath()} (npm test installs it in pretest).`);
    dataDir = mkdtempSync(join(tmpdir(), 'zsm-e2e-core-'));
    const roster: RosterFileInput = {
      locations: [
        { id: LOCATION, name: 'ZSM e2e', channelId: GENERAL, termijnHours: 6, expectedOrgs: ['politie', 'om', '3ro', 'rvdk', 'shn', 'vt'] },
      ],
      members: [{ aadObjectId: USER_AAD, orgId: 'politie', roles: ['member', 'chair'], locations: [LOCATION] }],
    };
    const rosterFile = join(dataDir, 'roster.json');
    writeFileSync(rosterFile, JSON.stringify(roster));
    bot = await startBot({ port: await freePort(), dataDir, env: { ROSTER_FILE: rosterFile, JOB_POLL_MS: '200' } });
    parts.bot = bot;
    const configFile = writePlaygroundConfig(join(dataDir, 'playground.yml'), {
      tenantId: 'e2e-tenant',
      currentUser: { id: '29:e2e-politie', name: 'Desk Politie', aadObjectId: USER_AAD },
      bot: { id: '28:e2e-zsm-bot', name: 'ZSM HG' },
      team: { id: GENERAL, name: 'ZSM e2e', channels: [{ id: '19:e2e-actieoverleg@thread.tacv2', name: 'Actieoverleg' }] },
    });
    playground = await startTestPlayground({ botEndpoint: bot.endpoint, configFile });
    parts.playground = playground;
    browser = await launchBrowser();
    page = await openPlayground(browser, playground.url);
    parts.page = page;
    // Opening the channel installs the app there: the bot learns the channel's conversation reference.
    await openChannel(page, 'General');
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function postCase(): Promise<string> {
    const raw = JSON.stringify(
      sampleIntake({ locationId: LOCATION, summary: 'E2E: buren melden geschreeuw; slachtoffer met letsel; kinderen thuis.' }),
    );
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`${bot!.baseUrl}/api/cases`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-zsm-timestamp': String(ts),
        'x-zsm-signature': signBody(E2E_SECRETS.INTAKE_HMAC_SECRET, ts, raw),
      },
      body: raw,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { caseId: string }).caseId;
  }

  test('a posted case appears as a card; context information and a vote from the card change it, across a bot restart', () =>
    withDiagnostics(parts, async () => {
      const caseId = await postCase();
      const ref = `Zaak ${caseId.slice(0, 8)}`;
      const card = await lastCard(page, { hasText: ref, timeoutMs: 20_000 });
      const shown = await card.innerText();
      expect(shown).toContain('HG');
      expect(shown).toContain('KM');
      expect(shown).toContain('kind (13 jr)');

      await expandAndFill(card, 'Contextinformatie toevoegen', {
        Contextinformatie: 'E2E: eerdere HG-melding in 2025, toen geen aangifte gedaan.',
        Bron: 'Eigen systeem',
        'Waarom is dit nodig en wat verandert het aan de aanpak?': 'Herhaald geweld weegt mee in de keuze voor voorgeleiding.',
      });
      await clickCardButton(card, 'Toevoegen');
      await waitForCardUpdate(card, 'E2E: eerdere HG-melding in 2025');

      // A restart in the middle: what was stored stays, and the card keeps working.
      await bot!.restart();

      await expandAndFill(card, 'Buikpijn', { 'Waar gaat de buikpijn over?': 'E2E: kinderen getuige van geweld', 'Acuut onveilig': true });
      await clickCardButton(card, 'Buikpijn vastleggen');
      // First the voter's own view (invoke response), then everyone's card (message update) shows it.
      await waitForCardUpdate(card, 'E2E: kinderen getuige van geweld');
      await waitForCardUpdate(card, /1 buikpijn · 0 geen buikpijn · 5 nog niet gestemd/);
      const after = await card.innerText();
      expect(after).toContain('E2E: eerdere HG-melding in 2025');
      expect(after).toContain('ACUUT ONVEILIG');

      // And in the store (the bot's own SQLite file, opened read-only alongside it).
      const db = SqliteDocStore.open(join(dataDir, 'zsm.db'));
      try {
        const repo = new Repository(db);
        expect((await repo.listContributions(caseId)).map((c) => c.orgId)).toEqual(['politie']);
        expect(await repo.listVotes(caseId)).toEqual([expect.objectContaining({ orgId: 'politie', concern: true, acuteUnsafe: true })]);
      } finally {
        await db.close();
      }
    }));
});

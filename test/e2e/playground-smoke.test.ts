/**
 * Smoke test of the e2e harness itself, without the product bot: a tiny echo bot, the real Agents
 * Playground and headless Chromium. If this fails, the product's e2e tests cannot work either.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath } from '../../scripts/ensure-chromium';
import {
  clickCardButton,
  expandAndFill,
  freePort,
  lastCard,
  launchBrowser,
  openChannel,
  openPlayground,
  postInChannel,
  startBot,
  startTestPlayground,
  waitForCardUpdate,
  waitForMessageText,
  withDiagnostics,
  writePlaygroundConfig,
  type BotHandle,
  type E2EParts,
  type Playground,
} from './harness';

jest.setTimeout(180_000);

const USER_AAD = 'e2e-aad-0001';
const GENERAL = '19:e2e-general@thread.tacv2';

describe('Agents Playground harness (echo bot)', () => {
  let dataDir: string;
  let bot: BotHandle | undefined;
  let playground: Playground | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const parts: E2EParts = {};

  beforeAll(async () => {
    // Fail loudly rather than skip: `npm test` installs Chromium in its pretest step.
    if (!existsSync(chromiumPath())) {
      throw new Error(`Chromium not found at ${chromiumPath()}. Run: npx tsx scripts/ensure-chromium.ts (or set CHROMIUM_PATH).`);
    }
    dataDir = mkdtempSync(join(tmpdir(), 'zsm-e2e-smoke-'));
    bot = await startBot({ port: await freePort(), dataDir, entry: 'test/e2e/fixtures/echo-bot.ts' });
    parts.bot = bot;
    const configFile = writePlaygroundConfig(join(dataDir, 'playground.yml'), {
      tenantId: 'e2e-tenant',
      currentUser: { id: '29:e2e-user', name: 'Eva Tester', aadObjectId: USER_AAD },
      bot: { id: '28:e2e-echo-bot', name: 'Echo Bot' },
      team: { id: GENERAL, name: 'ZSM Test', channels: [{ id: '19:e2e-casussen@thread.tacv2', name: 'Casussen' }] },
    });
    playground = await startTestPlayground({ botEndpoint: bot.endpoint, configFile });
    parts.playground = playground;
    browser = await launchBrowser();
    page = await openPlayground(browser, playground.url);
    parts.page = page;
    await openChannel(page, 'General');
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('a post in the team channel reaches the bot and its reply shows in the thread', () =>
    withDiagnostics(parts, async () => {
      const text = `hallo smoke ${Date.now()}`;
      const thread = await postInChannel(page, text);
      const reply = await waitForMessageText(page, `echo: ${text}`);
      // The configured test user and channel come through as from.aadObjectId and the thread's conversation id.
      expect(await reply.innerText()).toContain(`[from ${USER_AAD} in ${GENERAL};messageid=`);
      expect(await thread.innerText()).toContain(`echo: ${text}`);
    }));

  test('a ShowCard input and an Action.Execute update the card in place', () =>
    withDiagnostics(parts, async () => {
      await postInChannel(page, 'card');
      const card = await lastCard(page, { hasText: 'Smoke card v1' });
      await expandAndFill(card, 'Add note', { Note: 'via e2e' });
      await clickCardButton(card, 'Save note');
      await waitForCardUpdate(card, 'Smoke card v2: via e2e (save)');
    }));

  test('the bot can be restarted while the Playground page stays open', () =>
    withDiagnostics(parts, async () => {
      if (!bot) throw new Error('bot not started');
      await bot.restart();
      const text = `na herstart ${Date.now()}`;
      await postInChannel(page, text);
      await waitForMessageText(page, `echo: ${text}`);
    }));
});

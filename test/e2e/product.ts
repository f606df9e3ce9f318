import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath } from '../../scripts/ensure-chromium';
import type { RosterFileInput } from '../../src/domain/roster';
import { sampleIntake } from '../helpers/fixtures';
import { postSignedCase } from '../helpers/host';
import type { CaseIntake } from '../../src/domain/case';
import {
  E2E_SECRETS,
  freePort,
  launchBrowser,
  openChannel,
  openPlayground,
  startBot,
  startTestPlayground,
  writePlaygroundConfig,
  type BotHandle,
  type E2EParts,
  type Playground,
  type PlaygroundConfig,
} from './harness';

export interface ProductUnderTest {
  dataDir: string;
  bot: BotHandle;
  playground: Playground;
  browser: Browser;
  page: Page;
  parts: E2EParts;
  /** Post a case through the signed intake API; returns its id. */
  postCase(overrides?: Partial<CaseIntake>): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The real bot (child process, SQLite in a temp dir) with the given roster, the Agents Playground
 * configured so its user is on that roster, and headless Chromium with the team's General channel open
 * (which installs the app there, so the bot learns the channel).
 */
export async function startProduct(opts: {
  roster: RosterFileInput;
  playground: PlaygroundConfig;
  locationId: string;
  /** Write further config files into the data dir; returns extra environment for the bot. */
  writeExtra?: (dir: string) => Record<string, string>;
}): Promise<ProductUnderTest> {
  if (!existsSync(chromiumPath())) throw new Error(`Chromium not found at ${chromiumPath()} (npm test installs it in pretest).`);
  const dataDir = mkdtempSync(join(tmpdir(), 'zsm-e2e-'));
  const parts: E2EParts = {};
  const cleanup: (() => Promise<void>)[] = [async () => rmSync(dataDir, { recursive: true, force: true })];
  const stop = async () => {
    for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
  };
  try {
    const rosterFile = join(dataDir, 'roster.json');
    writeFileSync(rosterFile, JSON.stringify(opts.roster));
    const extra = opts.writeExtra?.(dataDir) ?? {};
    const bot = await startBot({ port: await freePort(), dataDir, env: { ROSTER_FILE: rosterFile, JOB_POLL_MS: '200', ...extra } });
    cleanup.push(() => bot.stop());
    parts.bot = bot;
    const configFile = writePlaygroundConfig(join(dataDir, 'playground.yml'), opts.playground);
    const playground = await startTestPlayground({ botEndpoint: bot.endpoint, configFile });
    cleanup.push(() => playground.stop());
    parts.playground = playground;
    const browser = await launchBrowser();
    cleanup.push(() => browser.close());
    const page = await openPlayground(browser, playground.url);
    parts.page = page;
    await openChannel(page, 'General');
    return {
      dataDir,
      bot,
      playground,
      browser,
      page,
      parts,
      async postCase(overrides = {}) {
        const res = await postSignedCase(bot.baseUrl, sampleIntake({ locationId: opts.locationId, ...overrides }), {
          secret: E2E_SECRETS.INTAKE_HMAC_SECRET,
        });
        if (res.status !== 201) throw new Error(`intake answered ${res.status}: ${await res.text()}`);
        return ((await res.json()) as { caseId: string }).caseId;
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

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
  type PlaygroundUser,
} from './harness';

type RosterLocationInput = RosterFileInput['locations'][number];

/** The bot as every e2e Playground knows it (the recipient of a partner's card action). */
export const E2E_BOT = { id: '28:e2e-zsm-bot', name: 'ZSM HG' } as const;

/** The roster's default expected organisations, written out: every round waits for all six. */
export const ALL_EXPECTED_ORGS = ['politie', 'om', '3ro', 'rvdk', 'shn', 'vt'] as const;

/** The conversation id of an e2e channel: `19:<prefix>-<name>@thread.tacv2`. */
export const e2eChannel = (prefix: string, name: string): string => `19:${prefix}-${name}@thread.tacv2`;

/**
 * A location of an e2e roster, its channels named after `channels` (see e2eChannel): "general" (the
 * location channel, also the Playground team's id), "actieoverleg" and, with `ovjChannel`, "ovj".
 * Expected organisations: all six unless the test names others.
 */
export function e2eLocation(opts: {
  id: string;
  /** The prefix of the channel ids. */
  channels: string;
  name?: string;
  ovjChannel?: boolean;
  termijnHours?: number;
  expectedOrgs?: RosterLocationInput['expectedOrgs'];
}): RosterLocationInput & { channelId: string; actieoverlegChannelId: string } {
  return {
    id: opts.id,
    name: opts.name ?? 'ZSM e2e',
    channelId: e2eChannel(opts.channels, 'general'),
    actieoverlegChannelId: e2eChannel(opts.channels, 'actieoverleg'),
    ...(opts.ovjChannel ? { ovjChannelId: e2eChannel(opts.channels, 'ovj') } : {}),
    ...(opts.termijnHours === undefined ? {} : { termijnHours: opts.termijnHours }),
    expectedOrgs: opts.expectedOrgs ?? [...ALL_EXPECTED_ORGS],
  };
}

/**
 * The Playground's bot and team for an e2e location: the team is the location's General channel;
 * with `actieoverleg` its Actieoverleg channel is a second channel the UI can open.
 */
export function e2eTeam(
  location: { channelId: string; actieoverlegChannelId: string },
  opts: { actieoverleg?: boolean } = {},
): Pick<PlaygroundConfig, 'bot' | 'team'> {
  return {
    bot: { ...E2E_BOT },
    team: {
      id: location.channelId,
      name: 'ZSM e2e',
      ...(opts.actieoverleg ? { channels: [{ id: location.actieoverlegChannelId, name: 'Actieoverleg' }] } : {}),
    },
  };
}

export interface ProductUnderTest {
  dataDir: string;
  bot: BotHandle;
  playground: Playground;
  browser: Browser;
  page: Page;
  parts: E2EParts;
  /** Post a case through the signed intake API; returns its id. */
  postCase(overrides?: Partial<CaseIntake>): Promise<string>;
  /**
   * A partner's card action from their own Teams client (not the Playground's user): an Action.Execute
   * invoke in the team's General channel with the Playground's service URL. Expects 200; returns the
   * bot's answer (card or text) as JSON text.
   */
  partnerActs(user: PlaygroundUser, verb: string, data: Record<string, unknown>): Promise<string>;
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
  /** Set up the page before the Playground loads in it (routes such as page.routeWebSocket apply to sockets opened later). */
  beforeOpen?: (page: Page) => Promise<void>;
}): Promise<ProductUnderTest> {
  if (!existsSync(chromiumPath())) throw new Error(`Chromium not found at ${chromiumPath()} (npm test installs it in pretest).`);
  const dataDir = mkdtempSync(join(tmpdir(), 'zsm-e2e-'));
  const parts: E2EParts = {};
  const cleanup: (() => Promise<void>)[] = [async () => rmSync(dataDir, { recursive: true, force: true })];
  const stop = async () => {
    for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
  };
  let partnerActions = 0;
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
    const page = await openPlayground(browser, playground.url, { beforeGoto: opts.beforeOpen });
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
      async partnerActs(user, verb, data) {
        const { tenantId, team } = opts.playground;
        const res = await fetch(bot.endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'invoke',
            name: 'adaptiveCard/action',
            id: `${user.aadObjectId}-${Date.now()}-${++partnerActions}`,
            channelId: 'msteams',
            serviceUrl: `http://localhost:${playground.port}/_connector`,
            from: user,
            recipient: opts.playground.bot ?? E2E_BOT,
            conversation: { id: team.id, conversationType: 'channel', isGroup: true, tenantId },
            channelData: { tenant: { id: tenantId }, team: { id: team.id }, channel: { id: team.id } },
            value: { action: { type: 'Action.Execute', verb, data } },
          }),
        });
        if (res.status !== 200) throw new Error(`the bot answered a partner's card action with ${res.status}`);
        return JSON.stringify(await res.json());
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

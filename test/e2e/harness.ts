/**
 * End-to-end harness: the bot as a real child process, the Microsoft 365 Agents Playground as the
 * Teams client, headless Chromium driving the Playground's UI. How the Playground behaves (ids,
 * selectors, what works and what not): docs/playground-notes.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { chromiumPath } from '../../scripts/ensure-chromium';
import { freePort, graceTimer, startPlayground, waitForHttpOk, type Playground } from '../../scripts/playground';

export { freePort, type Playground };

export const ROOT = resolve(__dirname, '..', '..');
/** Screenshots and Playground logs of e2e runs (git-ignored). */
export const RESULTS_DIR = join(ROOT, 'test-results', 'e2e');
/** Default limit for a single UI wait. Bot replies take ~1 s and card actions ~0.1 s here. */
export const UI_TIMEOUT_MS = 15_000;
/** Values for the bot's required secrets in e2e runs only. */
export const E2E_SECRETS = {
  INTAKE_HMAC_SECRET: 'e2e-only-intake-hmac-secret-0123456789abcdef',
  PSEUDONYM_KEY: 'e2e-only-pseudonym-key-0123456789abcdef01234',
  STORE_ENCRYPTION_KEY: 'e2e-only-store-encryption-key-0123456789abcdef',
} as const;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------------------------------------
// Bot process

export interface BotHandle {
  port: number;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** What the Playground must call: <baseUrl>/api/messages */
  endpoint: string;
  /** The bot's recent stdout+stderr (last ~400 lines). */
  output(): string;
  running(): boolean;
  /** Signal the bot (default SIGTERM; SIGKILL simulates a crash) and wait for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Stop it (SIGTERM) if running, start it again with the same options, wait for /healthz. */
  restart(): Promise<void>;
  /** How the last run ended (undefined while running or before the first exit). */
  exitStatus(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** The process id of the current run (e.g. to match a job's lease owner, `worker-<pid>-…`). */
  pid(): number | undefined;
  /** Resolves when the current run exits (by itself or by a signal sent elsewhere). */
  exited(): Promise<void>;
}

export interface StartBotOptions {
  port: number;
  dataDir: string;
  env?: Record<string, string>;
  /** Entry file relative to the repo root. Default src/main.ts. */
  entry?: string;
  startTimeoutMs?: number;
}

export async function startBot(opts: StartBotOptions): Promise<BotHandle> {
  const entry = resolve(ROOT, opts.entry ?? 'src/main.ts');
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const lines: string[] = [];
  const remember = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split(/\r?\n/)) {
      if (!line) continue;
      lines.push(line);
      if (lines.length > 400) lines.shift();
    }
  };
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let stopping = false;
  let healthy = false; // before that, a failed start throws with the output instead
  let lastExit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  const launch = async () => {
    healthy = false;
    lastExit = undefined;
    mkdirSync(opts.dataDir, { recursive: true });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      STORE: 'sqlite',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      LOCAL_MODE: 'true', // the Playground sends unauthenticated activities
      ...E2E_SECRETS,
      ...opts.env,
      PORT: String(opts.port),
      DATA_DIR: opts.dataDir,
    };
    // `node --import tsx` rather than the tsx CLI: one process, so SIGKILL really kills the bot
    // (the CLI would leave its node child running and holding the port).
    const proc = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    proc.stdout?.on('data', remember);
    proc.stderr?.on('data', remember);
    exited = new Promise<void>((r) =>
      proc.on('exit', (code, signal) => {
        lastExit = { code, signal };
        lines.push(`[harness] bot exited (${signal ?? `code ${String(code)}`})`);
        if (!stopping && healthy)
          console.error(`[e2e] the bot exited unexpectedly (${signal ?? `code ${String(code)}`}). Its output:\n${lines.join('\n')}`);
        r();
      }),
    );
    const isDown = () => (proc.exitCode !== null || proc.signalCode !== null ? 'the bot process exited' : undefined);
    try {
      await waitForHttpOk(`${baseUrl}/healthz`, opts.startTimeoutMs ?? 90_000, isDown);
    } catch (e) {
      stopping = true;
      proc.kill('SIGKILL');
      await exited;
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(`The bot (${entry}) did not become healthy: ${why}\n--- bot output ---\n${lines.join('\n')}`);
    }
    stopping = false;
    healthy = true;
  };

  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (!child || !running()) return;
    stopping = true;
    child.kill(signal);
    const done = await Promise.race([exited.then(() => true), graceTimer(10_000).then(() => false)]);
    if (!done) {
      child.kill('SIGKILL');
      await exited;
    }
  };

  await launch();
  return {
    port: opts.port,
    baseUrl,
    endpoint: `${baseUrl}/api/messages`,
    output: () => lines.join('\n'),
    running,
    stop,
    exitStatus: () => lastExit,
    pid: () => child?.pid,
    exited: () => exited,
    async restart() {
      await stop('SIGTERM');
      lines.push('[harness] restarting the bot');
      await launch();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Playground

/** Start the Playground for a test: free port, log file in test-results/e2e, no stray config. */
export async function startTestPlayground(opts: { botEndpoint: string; configFile?: string; port?: number }): Promise<Playground> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return startPlayground({
    botEndpoint: opts.botEndpoint,
    port: opts.port ?? (await freePort()),
    // An empty dir as cwd: the Playground would silently pick up a .m365agentsplayground.yml from its cwd.
    cwd: RESULTS_DIR,
    configFile: opts.configFile,
    logFile: join(RESULTS_DIR, `playground-${Date.now()}.log`),
  });
}

export interface PlaygroundUser {
  /** Bot Framework user id (from.id), e.g. "29:e2e-user". */
  id: string;
  name: string;
  /** Entra object id (from.aadObjectId): put this on the roster. */
  aadObjectId: string;
}

export interface PlaygroundConfig {
  tenantId: string;
  currentUser: PlaygroundUser;
  /** Other tenant users; the Playground wants exactly 5, missing ones are made up. */
  users?: PlaygroundUser[];
  bot?: { id: string; name: string };
  /** The team's id is also the conversation id of its "General" channel. */
  team: { id: string; name: string; aadGroupId?: string; channels?: { id: string; name: string }[] };
  personalChatId?: string;
  groupChatId?: string;
}

/**
 * Write a Playground config file (YAML; JSON strings are valid YAML scalars). Use it to give the
 * test user a known aadObjectId (on the roster) and the channel the ids the roster expects.
 */
export function writePlaygroundConfig(file: string, cfg: PlaygroundConfig): string {
  const q = (s: string) => JSON.stringify(s);
  const users = [...(cfg.users ?? [])].slice(0, 5);
  for (let i = users.length; i < 5; i++) {
    users.push({ id: `29:e2e-extra-${i}`, name: `Extra User ${i}`, aadObjectId: `e2e-extra-aad-${i}` });
  }
  const user = (u: PlaygroundUser, indent: string) => {
    const [given, ...rest] = u.name.split(' ');
    const mail = `${u.id.replace(/[^a-zA-Z0-9]/g, '')}@example.org`;
    return [
      `id: ${q(u.id)}`,
      `name: ${q(u.name)}`,
      `userPrincipleName: ${q(mail)}`, // sic: the Playground's schema spells it this way
      `aadObjectId: ${q(u.aadObjectId)}`,
      `givenName: ${q(given ?? u.name)}`,
      `surname: ${q(rest.join(' ') || u.name)}`,
      `email: ${q(mail)}`,
    ].join(`\n${indent}`);
  };
  const bot = cfg.bot ?? { id: '28:e2e-bot', name: 'ZSM HG Bot' };
  const yaml = [
    'version: "0.1.1"',
    `tenantId: ${q(cfg.tenantId)}`,
    'bot:',
    `  id: ${q(bot.id)}`,
    `  name: ${q(bot.name)}`,
    'currentUser:',
    `  ${user(cfg.currentUser, '  ')}`,
    'users:',
    ...users.map((u) => `  - ${user(u, '    ')}`),
    'personalChat:',
    `  id: ${q(cfg.personalChatId ?? 'a:e2e-personal-chat')}`,
    'groupChat:',
    `  id: ${q(cfg.groupChatId ?? '19:e2e-group-chat@thread.v2')}`,
    '  name: "Group Chat"',
    'team:',
    `  id: ${q(cfg.team.id)}`,
    `  name: ${q(cfg.team.name)}`,
    `  aadGroupId: ${q(cfg.team.aadGroupId ?? '00000000-0000-4000-8000-0000000e2e01')}`,
    '  channels:',
    ...(cfg.team.channels ?? [{ id: `${cfg.team.id}-announcements`, name: 'Announcements' }]).flatMap((c) => [
      `    - id: ${q(c.id)}`,
      `      name: ${q(c.name)}`,
    ]),
    '',
  ].join('\n');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, yaml);
  return file;
}

// ---------------------------------------------------------------------------------------------
// Browser

export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium (Playwright's own download cannot work offline). Close it with browser.close(). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, timeout: 60_000 });
}

/**
 * A page on the Playground with its log panel hidden (the log repeats every message text, which
 * would make text lookups ambiguous). The Playground keeps no history across page loads: open the
 * page before the bot posts, and do not reload.
 */
export async function openPlayground(
  browser: Browser,
  url: string,
  opts: { beforeGoto?: (page: Page) => Promise<void> } = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  // Routes (e.g. page.routeWebSocket) must be in place before the Playground opens its socket.
  await opts.beforeGoto?.(page);
  await step(page, 'open-playground', async () => {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.getByRole('tree', { name: 'Teams Channel' }).waitFor();
    const hide = page.getByRole('button', { name: 'Hide log panel' });
    if (await hide.isVisible()) await hide.click();
  });
  return page;
}

// ---------------------------------------------------------------------------------------------
// Page helpers

/** Every thread (root post + replies) in the open channel; the newest thread comes FIRST. */
const THREAD = '[role=group].fui-Card';
/** An Adaptive Card, but not the inner card of an Action.ShowCard. */
const TOP_CARD = '.ac-adaptiveCard:not(.ac-adaptiveCard .ac-adaptiveCard)';

let tagSeq = 0;

/** Save a full-page screenshot to test-results/e2e and return its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(
    RESULTS_DIR,
    `${new Date().toISOString().replace(/[:.]/g, '-')}-${name.replace(/[^a-zA-Z0-9-]+/g, '_').slice(0, 60)}.png`,
  );
  await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
  return file;
}

/** Run a UI step; on failure save a screenshot and name it in the error. */
async function step<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const shot = await screenshot(page, name).catch((err: unknown) => `(screenshot failed: ${String(err)})`);
    if (e instanceof Error) {
      e.message = `[e2e] step "${name}" failed (screenshot: ${shot})\n${e.message}`;
      throw e;
    }
    throw new Error(`[e2e] step "${name}" failed (screenshot: ${shot}): ${String(e)}`);
  }
}

/** The threads of the open channel (composer excluded), newest first. */
export function threads(page: Page): Locator {
  return page.locator(THREAD).filter({ hasNot: page.getByRole('button', { name: 'Post', exact: true }) });
}

/** Open a team channel from the left tree, e.g. openChannel(page, 'General'). */
export async function openChannel(page: Page, name: string, opts: { team?: string; timeoutMs?: number } = {}): Promise<void> {
  await step(page, `open-channel-${name}`, async () => {
    const label = opts.team ? `${opts.team} - ${name}` : new RegExp(` - ${escapeRe(name)}$`);
    await page
      .getByRole('tree', { name: 'Teams Channel' })
      .getByRole('treeitem', { name: label })
      .click({ timeout: opts.timeoutMs ?? UI_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Post', exact: true }).waitFor({ timeout: opts.timeoutMs ?? UI_TIMEOUT_MS });
  });
}

/** Open the personal (1:1) chat with the bot. */
export async function openPersonalChat(page: Page, opts: { timeoutMs?: number } = {}): Promise<void> {
  await step(page, 'open-personal-chat', async () => {
    await page.getByRole('treeitem', { name: 'Personal Chat', exact: true }).click({ timeout: opts.timeoutMs ?? UI_TIMEOUT_MS });
  });
}

/** The newest top-level card on the page with this text (chats have no threads). */
export async function chatCard(page: Page, hasText: string | RegExp, opts: { timeoutMs?: number } = {}): Promise<Locator> {
  return step(page, 'chat-card', async () => {
    const card = page.locator(TOP_CARD).filter({ hasText }).last();
    await card.waitFor({ state: 'visible', timeout: opts.timeoutMs ?? UI_TIMEOUT_MS });
    return card;
  });
}

const botNames = new Map<string, string>();

/** The bot's display name as configured in the Playground (needed to @-mention it). */
export async function playgroundBotName(page: Page): Promise<string> {
  const origin = new URL(page.url()).origin;
  const known = botNames.get(origin);
  if (known) return known;
  const res = await fetch(`${origin}/_internal/v1/config`, { signal: AbortSignal.timeout(30_000) });
  const body = (await res.json()) as { config?: { bot?: { name?: string } } };
  const name = body.config?.bot?.name;
  if (!name) throw new Error(`could not read the bot name from ${origin}/_internal/v1/config`);
  botNames.set(origin, name);
  return name;
}

/** Type "@<bot>" into a focused composer and pick the bot from the typeahead. */
async function mentionBot(page: Page, botName: string): Promise<void> {
  await page.keyboard.type(`@${botName.split(' ')[0] ?? botName}`);
  await page
    .getByRole('menuitem', { name: new RegExp(`^${escapeRe(botName)}`) })
    .first()
    .click();
}

export interface PostOptions {
  /** @-mention the bot first (default true): in a channel the bot only receives messages that mention it. */
  mention?: boolean;
  botName?: string;
  timeoutMs?: number;
}

/** Start a new post (thread) in the open channel. Returns the new thread. */
export async function postInChannel(page: Page, text: string, opts: PostOptions = {}): Promise<Locator> {
  return step(page, 'post-in-channel', async () => {
    const timeout = opts.timeoutMs ?? UI_TIMEOUT_MS;
    const composer = page.locator(THREAD).filter({ has: page.getByRole('button', { name: 'Post', exact: true }) });
    const before = await threads(page).count();
    await composer.getByRole('textbox').click({ timeout });
    if (opts.mention ?? true) await mentionBot(page, opts.botName ?? (await playgroundBotName(page)));
    await page.keyboard.type(opts.mention === false ? text : ` ${text}`);
    await composer.getByRole('button', { name: 'Post', exact: true }).click({ timeout });
    await waitUntil(async () => (await threads(page).count()) > before, timeout, 'the new post to appear');
    // Newest thread is on top; the text filter guards against a bot post landing at the same moment.
    return tagged(page, threads(page).filter({ hasText: text }).first());
  });
}

/** Reply inside an existing thread (Enter sends). */
export async function replyInThread(thread: Locator, text: string, opts: PostOptions = {}): Promise<void> {
  const page = thread.page();
  await step(page, 'reply-in-thread', async () => {
    await thread.getByRole('textbox').click({ timeout: opts.timeoutMs ?? UI_TIMEOUT_MS });
    if (opts.mention ?? true) await mentionBot(page, opts.botName ?? (await playgroundBotName(page)));
    await page.keyboard.type(opts.mention === false ? text : ` ${text}`);
    await page.keyboard.press('Enter');
  });
}

/** Wait for a plain-text message (e.g. a bot reply) containing `text` in any thread of the open channel. */
export async function waitForMessageText(page: Page, text: string | RegExp, opts: { timeoutMs?: number } = {}): Promise<Locator> {
  return step(page, 'wait-for-message-text', async () => {
    const hit = threads(page).getByText(text).first();
    await hit.waitFor({ state: 'visible', timeout: opts.timeoutMs ?? UI_TIMEOUT_MS });
    return hit;
  });
}

/**
 * The newest top-level Adaptive Card in the open channel (optionally: the newest one containing
 * `hasText`), waiting for it to appear. "Newest" = in the topmost thread that has such a card, the
 * last such card in that thread (replies are oldest-first).
 *
 * The returned locator stays on that card when the card is replaced by an invoke response or an
 * updateActivity, even if its text changes (it points at the n-th card of a tagged thread).
 */
export async function lastCard(page: Page, opts: { hasText?: string | RegExp; timeoutMs?: number } = {}): Promise<Locator> {
  return step(page, 'last-card', async () => {
    // `cards` must stay a plain card selector: as a `has:` filter it is evaluated inside each thread.
    let cards = page.locator(TOP_CARD);
    if (opts.hasText !== undefined) cards = cards.filter({ hasText: opts.hasText });
    await threads(page)
      .locator(cards)
      .first()
      .waitFor({ state: 'visible', timeout: opts.timeoutMs ?? UI_TIMEOUT_MS });
    const thread = await tagged(page, threads(page).filter({ has: cards }).first());
    const inThread = thread.locator(TOP_CARD);
    const n = await inThread.count();
    for (let i = n - 1; i >= 0; i--) {
      const card = inThread.nth(i);
      if (opts.hasText === undefined) return card;
      const t = await card.innerText();
      if (typeof opts.hasText === 'string' ? t.includes(opts.hasText) : opts.hasText.test(t)) return card;
    }
    throw new Error(`card with ${String(opts.hasText)} vanished while looking at it`);
  });
}

/** Wait until a card with `text` is visible in the open channel and return it (see lastCard). */
export async function waitForCardText(page: Page, text: string | RegExp, opts: { timeoutMs?: number } = {}): Promise<Locator> {
  return lastCard(page, { hasText: text, timeoutMs: opts.timeoutMs });
}

/** Wait until this card shows `text` (after an Action.Execute response or an updateActivity). */
export async function waitForCardUpdate(card: Locator, text: string | RegExp, opts: { timeoutMs?: number } = {}): Promise<void> {
  await step(card.page(), 'wait-for-card-update', async () => {
    await card.filter({ hasText: text }).waitFor({ state: 'visible', timeout: opts.timeoutMs ?? UI_TIMEOUT_MS });
  });
}

/**
 * Toggles that hide parts of the case card (docs/cards.md: details and the chair's controls sit
 * behind Action.ToggleVisibility). A button behind one is revealed before it is clicked.
 */
export const CARD_TOGGLES = ['Meer tonen', 'Voorzitter'] as const;

async function reveal(card: Locator, title: string, timeout: number): Promise<void> {
  // The Playground leaves hidden parts out of the page: open a toggle and see whether the button came.
  const button = card.getByRole('button', { name: title, exact: true }).first();
  if (await button.isVisible()) return;
  for (const name of CARD_TOGGLES) {
    const toggle = card.getByRole('button', { name, exact: true }).first();
    if ((await toggle.count()) === 0) continue;
    await toggle.click({ timeout });
    const shown = await button
      .waitFor({ state: 'visible', timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (shown) return;
    await toggle.click({ timeout }); // not behind this one: close it again
  }
}

/** Click a card action (Action.Execute, Action.ShowCard, …) by its title (revealing it behind a toggle if needed). */
export async function clickCardButton(card: Locator, title: string, opts: { timeoutMs?: number } = {}): Promise<void> {
  await step(card.page(), `click-${title}`, async () => {
    const timeout = opts.timeoutMs ?? UI_TIMEOUT_MS;
    await reveal(card, title, timeout);
    await card.getByRole('button', { name: title, exact: true }).first().click({ timeout });
  });
}

/**
 * Value for a card input, by the input's label:
 * - string: Input.Text / Input.Number / Input.Date ("YYYY-MM-DD"), or the choice TITLE of a
 *   single-select Input.ChoiceSet (compact or expanded);
 * - string[]: the choice titles to tick in a multi-select Input.ChoiceSet;
 * - boolean: an Input.Toggle.
 */
export type CardFieldValue = string | string[] | boolean;

/** Open an Action.ShowCard by its title (if not open yet) and fill its inputs by label. */
export async function expandAndFill(
  card: Locator,
  showCardTitle: string,
  fields: Record<string, CardFieldValue>,
  opts: { timeoutMs?: number } = {},
): Promise<void> {
  const page = card.page();
  const timeout = opts.timeoutMs ?? UI_TIMEOUT_MS;
  await step(page, `expand-${showCardTitle}`, async () => {
    await reveal(card, showCardTitle, timeout);
    const toggle = card.getByRole('button', { name: showCardTitle, exact: true }).first();
    if ((await toggle.getAttribute('aria-expanded', { timeout })) !== 'true') await toggle.click({ timeout });
    for (const [label, value] of Object.entries(fields)) await fillField(page, card, label, value, timeout);
  });
}

/** Fill inputs of a card that are visible already (no ShowCard). */
export async function fillCard(card: Locator, fields: Record<string, CardFieldValue>, opts: { timeoutMs?: number } = {}): Promise<void> {
  await step(card.page(), 'fill-card', async () => {
    for (const [label, value] of Object.entries(fields)) await fillField(card.page(), card, label, value, opts.timeoutMs ?? UI_TIMEOUT_MS);
  });
}

async function fillField(page: Page, card: Locator, label: string, value: CardFieldValue, timeout: number): Promise<void> {
  // Accessible names gain " *" for required inputs and an error text after failed validation.
  const name = new RegExp(`^${escapeRe(label)}(?=$|\\s|\\*)`);
  const radios = card.getByRole('radiogroup', { name });
  if (typeof value === 'string' && (await radios.count()) > 0) {
    await radios.first().getByRole('radio', { name: value, exact: true }).check({ timeout });
    return;
  }
  const combo = card.getByRole('combobox', { name });
  if (typeof value === 'string' && (await combo.count()) > 0) {
    if ((await card.getByRole('button', { name: `Open ${label}`, exact: true }).count()) > 0) {
      await combo.first().click({ timeout }); // compact ChoiceSet: a Fluent dropdown with a listbox
      await page.getByRole('option', { name: value, exact: true }).click({ timeout });
    } else {
      await combo.first().fill(value, { timeout }); // Input.Date: a date picker that parses typed text
      await page.keyboard.press('Escape');
    }
    return;
  }
  const boxes = card.getByRole('checkbox', { name: new RegExp(`^${escapeRe(label)}(?=$|\\s)`) });
  if (typeof value === 'boolean') {
    await boxes.first().setChecked(value, { timeout });
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) await card.getByRole('checkbox', { name: `${label} ${v}`, exact: true }).check({ timeout });
    return;
  }
  const text = card.getByRole('textbox', { name }).or(card.getByRole('spinbutton', { name }));
  if ((await text.count()) > 0) {
    await text.first().fill(value, { timeout });
    return;
  }
  await card.getByLabel(label, { exact: true }).first().fill(value, { timeout });
}

/** Mark a thread element so later lookups find the same thread even when its text changes. */
async function tagged(page: Page, thread: Locator): Promise<Locator> {
  const fresh = `t${++tagSeq}`;
  const tag = await thread.evaluate(
    (el: { getAttribute(n: string): string | null; setAttribute(n: string, v: string): void }, id: string) => {
      const existing = el.getAttribute('data-e2e-thread');
      if (existing) return existing;
      el.setAttribute('data-e2e-thread', id);
      return id;
    },
    fresh,
  );
  return page.locator(`[data-e2e-thread="${tag}"]`);
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

export interface E2EParts {
  page?: Page;
  bot?: BotHandle;
  playground?: Playground;
}

/**
 * Run a test body; when it fails, save a screenshot and print the bot's output and the Playground's
 * log tail, then rethrow. Usage: test('…', () => withDiagnostics(parts, async () => { … })).
 */
export async function withDiagnostics<T>(parts: E2EParts, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    const notes: string[] = [];
    if (parts.page) notes.push(`screenshot: ${await screenshot(parts.page, 'failure').catch((err: unknown) => `failed (${String(err)})`)}`);
    if (parts.bot) notes.push(`--- bot output (tail) ---\n${parts.bot.output().split('\n').slice(-80).join('\n')}`);
    if (parts.playground) {
      let log = '';
      try {
        log = readFileSync(parts.playground.logFile, 'utf8').trimEnd().split('\n').slice(-40).join('\n');
      } catch {
        log = '(no log)';
      }
      notes.push(`--- Playground log ${parts.playground.logFile} (tail) ---\n${log}`);
    }
    console.error(`[e2e] test failed\n${notes.join('\n')}`);
    throw e;
  }
}

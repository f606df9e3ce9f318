import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import type { Job } from '../../src/store/jobs';
import { Repository } from '../../src/store/repository';
import { SqliteDocStore } from '../../src/store/sqlite/sqlite-docstore';
import { CARD_TOGGLES, E2E_SECRETS, UI_TIMEOUT_MS } from './harness';
import { nlLeanAnswer } from '../../src/i18n/nl';

/**
 * Need-to-know in the Playground: a channel message is the minimal card ("Druk op Openen"); the
 * full card is a personal view, opened with "Openen" (the Playground does not refresh by itself).
 * When the job loop later updates the message, the Playground shows the minimal card again, so a
 * test waits for the job loop to finish and (re)opens the personal view before the next step.
 */
export const CHANNEL_MARK = 'Druk op Openen';

/** What the store-reading helpers need: the bot's data dir, and its store key when it is not the e2e one (npm start). */
export interface BotStore {
  dataDir: string;
  storeKey?: string;
}

const openStore = (p: BotStore) => SqliteDocStore.open(join(p.dataDir, 'zsm.db'), p.storeKey ?? E2E_SECRETS.STORE_ENCRYPTION_KEY);

const matches = (text: string, marker: string | RegExp): boolean =>
  typeof marker === 'string' ? text.includes(marker) : marker.test(text);

async function until(check: () => Promise<boolean>, what: string, timeoutMs = UI_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Wait until the bot's job loop has nothing due (every message update has been sent to the Playground). */
export async function jobsDone(p: BotStore, timeoutMs = 30_000): Promise<void> {
  const db = openStore(p);
  try {
    await until(
      async () => {
        const now = new Date().toISOString();
        const due = await db.query<Job>('job', [
          { field: 'status', op: '=', value: 'pending' },
          { field: 'dueAt', op: '<=', value: now },
        ]);
        return due.length === 0;
      },
      'the job loop to finish',
      timeoutMs,
    );
  } finally {
    await db.close();
  }
}

/** The card's text with its toggled parts ("Meer tonen", "Voorzitter") opened, then closed again. */
async function readOpened(card: Locator): Promise<string> {
  const opened: Locator[] = [];
  for (const name of CARD_TOGGLES) {
    const toggle = card.getByRole('button', { name, exact: true }).first();
    if ((await toggle.count()) === 0) continue;
    if (
      await toggle.click({ timeout: 2_000 }).then(
        () => true,
        () => false,
      )
    )
      opened.push(toggle);
  }
  const text = await card.innerText().catch(() => '');
  for (const toggle of opened) await toggle.click({ timeout: 2_000 }).catch(() => undefined);
  return text;
}

/** The personal view of a posted message: press "Openen" until the full card shows `marker`. */
export async function openPersonal(card: Locator, marker: string | RegExp, timeoutMs = UI_TIMEOUT_MS): Promise<string> {
  let shown = '';
  await until(
    async () => {
      shown = await card.innerText().catch(() => '');
      // The lean answer to a vote (docs/cards.md) is not the full card, though it shows the top of it: a
      // marker found there would leave the next step without the full card's buttons. The full card is one
      // click away, as Teams' refresh would fetch it. (The vote's channel update and its lean answer race
      // to the Playground: either may be the one shown last.)
      const lean = !shown.includes(CHANNEL_MARK) && shown.includes(nlLeanAnswer.fullCard.title);
      if (!shown.includes(CHANNEL_MARK) && !lean) {
        // The case card keeps details and the chair's controls behind toggles (docs/cards.md); the
        // Playground leaves hidden parts out of the page: open them, read everything, close them again.
        shown = await readOpened(card);
        if (matches(shown, marker)) return true;
      }
      if (lean)
        await card
          .getByRole('button', { name: nlLeanAnswer.fullCard.title, exact: true })
          .first()
          .click({ timeout: 2_000 })
          .catch(() => undefined);
      if (shown.includes(CHANNEL_MARK))
        await card
          .getByRole('button', { name: 'Openen', exact: true })
          .first()
          .click({ timeout: 2_000 })
          .catch(() => undefined);
      return false;
    },
    `the personal view showing ${String(marker)}`,
    timeoutMs,
  );
  return shown;
}

/** How many personal views of a case the bot has built (each is audited): proof that an action was answered. */
async function viewsAudited(p: BotStore, caseId: string): Promise<number> {
  const db = openStore(p);
  try {
    return (await new Repository(db).listAudit(caseId)).filter((a) => a.action === 'view.opened').length;
  } finally {
    await db.close();
  }
}

/**
 * One step on a personal view: do it, wait until the bot answered it (its answer is an audited
 * personal view) and the job loop has sent every message update, then (re)open the personal view
 * until it shows `marker`. If the channel card came back while the step was being done (the update
 * of an earlier step arriving late), reopen and do it once more.
 */
export async function step(
  p: BotStore,
  caseId: string,
  card: Locator,
  marker: string | RegExp,
  action: () => Promise<void>,
): Promise<string> {
  const before = await viewsAudited(p, caseId);
  try {
    await action();
  } catch (e) {
    if (!(await card.innerText().catch(() => '')).includes(CHANNEL_MARK)) throw e;
    await openPersonal(card, /./);
    await action();
  }
  await until(async () => (await viewsAudited(p, caseId)) > before, 'the bot to answer the action');
  await jobsDone(p);
  return openPersonal(card, marker);
}

/** Lasting state: after the job loop, the personal view (reopened when the update put the channel card back). */
export async function lastingPersonal(p: BotStore, card: Locator, marker: string | RegExp): Promise<string> {
  await jobsDone(p);
  return openPersonal(card, marker);
}

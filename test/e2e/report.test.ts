/**
 * The rapportage in the Agents Playground: the coordinator types "rapportage" in the personal chat and
 * gets the report card with its charts (Chart.* elements, which the Playground renders). The card's
 * screenshot goes to test-results/e2e/ and, with SAVE_DOCS_SCREENSHOT=1, to docs/report/ (the README shows it).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chatCard, openPersonalChat, RESULTS_DIR, ROOT, UI_TIMEOUT_MS, withDiagnostics } from './harness';
import { e2eLocation, e2eTeam, startProduct, type ProductUnderTest } from './product';

jest.setTimeout(240_000);

const COORD_AAD = 'e2e-coordinator-0001';
const LOCATION = 'e2e-rapportage';
const OTHER = 'e2e-rapportage-noord';
const PLACE = e2eLocation({ id: LOCATION, name: 'ZSM Midden', channels: 'e2e-report', ovjChannel: true });

describe('rapportage in the Agents Playground', () => {
  let p: ProductUnderTest;

  beforeAll(async () => {
    p = await startProduct({
      locationId: LOCATION,
      roster: {
        locations: [PLACE, e2eLocation({ id: OTHER, name: 'ZSM Noord', channels: 'e2e-report-noord', ovjChannel: true })],
        members: [{ aadObjectId: COORD_AAD, orgId: 'om', roles: ['member', 'coordinator'], locations: [LOCATION, OTHER] }],
      },
      playground: {
        tenantId: 'e2e-tenant',
        currentUser: { id: '29:e2e-coordinator', name: 'Coördinator', aadObjectId: COORD_AAD },
        ...e2eTeam(PLACE),
      },
      writeExtra: () => ({ PUBLIC_BASE_URL: 'https://zsm-hg.example.nl' }),
    });
  });

  afterAll(async () => {
    await p?.stop();
  });

  test('the coordinator opens the report of the last 3 months with charts and a CSV link', () =>
    withDiagnostics(p.parts, async () => {
      const day = 86_400_000;
      const now = Date.now();
      await p.postCase({ intakeAt: new Date(now - 20 * day).toISOString() });
      await p.postCase({
        intakeAt: new Date(now - 10 * day).toISOString(),
        children: { involved: false, ages: [] },
        persons: [{ role: 'verdachte', age: 30 }],
      });
      await p.postCase({ intakeAt: new Date(now - 2 * day).toISOString() });
      await p.postCase({ locationId: OTHER, intakeAt: new Date(now - 5 * day).toISOString() });

      await openPersonalChat(p.page);
      const box = p.page.getByRole('textbox').last();
      await box.click({ timeout: UI_TIMEOUT_MS });
      await p.page.keyboard.type('rapportage');
      await p.page.keyboard.press('Enter');
      const card = await chatCard(p.page, /Rapportage alle locaties/, { timeoutMs: 30_000 });
      const text = await card.innerText();
      // The facts, and the charts' axis labels (the Playground renders Chart.* as SVG; not the fallback FactSet).
      expect(text).toContain('Met kinderen');
      expect(text).toContain('3 (75 %)');
      expect(text).toContain('ZSM Midden');
      expect(text).toContain('ZSM Noord');
      expect(text).toContain('acuut onveilig');
      expect(await card.locator('svg').count()).toBeGreaterThan(0);
      // The charts' titles show (TextBlocks above them), and the donut without decisions says so instead of staying blank.
      for (const title of ['Zaken per locatie', 'Besluiten per fase', 'Escalaties per regel']) expect(text).toContain(title);
      expect(text).toContain('Geen gegevens in deze periode.');
      expect(text).toContain('Download als CSV');
      // A tall window, so the whole card is on screen for the picture (no header over it).
      await p.page.setViewportSize({ width: 1280, height: 2400 });
      await card.scrollIntoViewIfNeeded();
      mkdirSync(RESULTS_DIR, { recursive: true });
      const shot = join(RESULTS_DIR, 'report-card.png');
      await card.screenshot({ path: shot });
      if (process.env.SAVE_DOCS_SCREENSHOT === '1') {
        mkdirSync(join(ROOT, 'docs', 'report'), { recursive: true });
        copyFileSync(shot, join(ROOT, 'docs', 'report', 'rapportage.png'));
      }
    }));
});

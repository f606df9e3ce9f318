/**
 * Veilig Thuis in the Agents Playground: the desk asks VT from the case card; the consultation card
 * arrives in the on-call member's personal chat; their answer shows on the case card.
 * The Playground has one user, so here the desk member and VT's on-call member are the same person.
 */
import { caseCode } from '../../src/domain/case-code';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  chatCard,
  clickCardButton,
  expandAndFill,
  lastCard,
  openChannel,
  openPersonalChat,
  waitForCardUpdate,
  withDiagnostics,
} from './harness';
import { e2eLocation, e2eTeam, startProduct, type ProductUnderTest } from './product';
import { CHANNEL_MARK, lastingPersonal, openPersonal, step } from './views';

jest.setTimeout(240_000);

const VT_AAD = 'e2e-vt-oncall-0001';
const LOCATION = 'e2e-vt';
const PLACE = e2eLocation({ id: LOCATION, channels: 'e2e-vt', ovjChannel: true });

describe('Veilig Thuis consultation in the Agents Playground', () => {
  let p: ProductUnderTest;

  beforeAll(async () => {
    p = await startProduct({
      locationId: LOCATION,
      roster: {
        locations: [PLACE],
        members: [{ aadObjectId: VT_AAD, orgId: 'vt', roles: ['member'], locations: [LOCATION] }],
      },
      playground: {
        tenantId: 'e2e-tenant',
        currentUser: { id: '29:e2e-vt', name: 'VT Dienst', aadObjectId: VT_AAD },
        ...e2eTeam(PLACE),
      },
      // One region with this user on call around the clock.
      writeExtra: (dir) => {
        const file = join(dir, 'vt.json');
        writeFileSync(
          file,
          JSON.stringify({
            locations: [{ id: LOCATION, regionIds: ['e2e-regio'] }],
            regions: [
              {
                id: 'e2e-regio',
                name: 'E2E-regio',
                officeHours: { mon: '08:30-17:00' },
                onCall: {
                  shifts: [
                    {
                      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
                      hours: '00:00-00:00',
                      primary: VT_AAD,
                      backup: 'e2e-vt-backup',
                    },
                  ],
                },
              },
            ],
            municipalities: {},
          }),
        );
        return { VT_CONFIG_FILE: file };
      },
    });
  });

  afterAll(async () => {
    await p?.stop();
  });

  test('the desk asks VT; the answer in the personal chat updates the case card', () =>
    withDiagnostics(p.parts, async () => {
      const caseId = await p.postCase();
      const ref = `Zaak ${caseCode(caseId)}`;
      const card = await lastCard(p.page, { hasText: ref, timeoutMs: 20_000 });
      expect(await card.innerText()).toContain(CHANNEL_MARK);
      await openPersonal(card, 'Regio Veilig Thuis onbekend');
      await step(p, caseId, card, 'Veilig Thuis — regio E2E-regio', async () => {
        await expandAndFill(card, 'Regio wijzigen', { 'Regio Veilig Thuis': 'E2E-regio' });
        await clickCardButton(card, 'Regio opslaan');
      });
      await step(p, caseId, card, /gevraagd om/, () => clickCardButton(card, 'Vraag VT'));

      await openPersonalChat(p.page);
      const consult = await chatCard(p.page, `Zaak ${caseCode(caseId)}`, { timeoutMs: 20_000 });
      expect(await consult.innerText()).toContain('Is dit gezin bekend bij Veilig Thuis?');
      await clickCardButton(consult, 'Niet bekend');
      await waitForCardUpdate(consult, 'Dank u');

      await openChannel(p.page, 'General');
      const after = await lastCard(p.page, { hasText: ref, timeoutMs: 20_000 });
      expect(await lastingPersonal(p, after, /beantwoord om/)).toContain('Niet bekend bij Veilig Thuis');
    }));
});

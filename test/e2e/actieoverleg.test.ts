/**
 * Two rounds with buikpijn from two organisations lead to the Actieoverleg card, in the real Agents
 * Playground. The chair (politie) works in the Playground UI; the second partner (RvdK) is another
 * Teams client, whose card actions reach the bot as activities with the Playground's service URL.
 */
import { caseCode } from '../../src/domain/case-code';
import { INPUTS, VERBS } from '../../src/cards/verbs';
import { clickCardButton, expandAndFill, lastCard, openChannel, withDiagnostics } from './harness';
import { e2eLocation, e2eTeam, startProduct, type ProductUnderTest } from './product';
import { CHANNEL_MARK, lastingPersonal, openPersonal, step } from './views';

jest.setTimeout(240_000);

const CHAIR_AAD = 'e2e-politie-chair-0001';
const RVDK_AAD = 'e2e-rvdk-0001';
const LOCATION = 'e2e-ao';
const PLACE = e2eLocation({ id: LOCATION, channels: 'e2e-ao', ovjChannel: true });
const RVDK = { id: '29:e2e-rvdk', aadObjectId: RVDK_AAD, name: 'Raad Medewerker' };

describe('Actieoverleg in the Agents Playground', () => {
  let p: ProductUnderTest;

  beforeAll(async () => {
    p = await startProduct({
      locationId: LOCATION,
      roster: {
        locations: [PLACE],
        members: [
          { aadObjectId: CHAIR_AAD, orgId: 'politie', roles: ['member', 'chair'], locations: [LOCATION] },
          { aadObjectId: RVDK_AAD, orgId: 'rvdk', roles: ['member'], locations: [LOCATION] },
        ],
      },
      playground: {
        tenantId: 'e2e-tenant',
        currentUser: { id: '29:e2e-chair', name: 'Desk Voorzitter', aadObjectId: CHAIR_AAD },
        users: [RVDK],
        ...e2eTeam(PLACE, { actieoverleg: true }),
      },
    });
  });

  afterAll(async () => {
    await p?.stop();
  });

  /** The RvdK partner presses "Buikpijn vastleggen" in their own Teams client. */
  async function rvdkVotesConcern(caseId: string, reason: string): Promise<void> {
    const answer = await p.partnerActs(RVDK, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: reason, [INPUTS.voteAcute]: 'false' });
    expect(answer).toContain(reason);
  }

  test('two rounds with buikpijn from politie and RvdK lead to the Actieoverleg card', () =>
    withDiagnostics(p.parts, async () => {
      const caseId = await p.postCase();
      const ref = `Zaak ${caseCode(caseId)}`;
      const card = await lastCard(p.page, { hasText: ref, timeoutMs: 20_000 });
      await openPersonal(card, 'Buikpijn — ronde 1');

      for (const round of [1, 2]) {
        await step(p, caseId, card, `E2E ronde ${round}: herhaald geweld`, async () => {
          await expandAndFill(card, 'Buikpijn', { 'Waar gaat de buikpijn over?': `E2E ronde ${round}: herhaald geweld` });
          await clickCardButton(card, 'Buikpijn vastleggen');
        });
        await rvdkVotesConcern(caseId, `E2E ronde ${round}: kinderen niet veilig`);
        await lastingPersonal(p, card, `E2E ronde ${round}: kinderen niet veilig`);
        if (round === 1) {
          // Wait for lasting state, not the one-off notice (the message update for everyone replaces it).
          // Organisations have not voted: closing the round asks for a confirmation first.
          await step(p, caseId, card, 'Nieuwe ronde: wie heeft er nog buikpijn?', async () => {
            await clickCardButton(card, 'Ronde sluiten');
            await clickCardButton(card, 'Ja, ronde nu sluiten');
          });
          await step(p, caseId, card, 'Buikpijn — ronde 2', () => clickCardButton(card, 'Nieuwe ronde: wie heeft er nog buikpijn?'));
        }
      }
      await lastingPersonal(p, card, /Actieoverleg/);

      await openChannel(p.page, 'Actieoverleg');
      const ao = await lastCard(p.page, { hasText: `Actieoverleg — zaak ${caseCode(caseId)}`, timeoutMs: 20_000 });
      // The Actieoverleg channel: the minimal message, no reasons; the invitee opens the card personally.
      const posted = await ao.innerText();
      expect(posted).toContain(CHANNEL_MARK);
      expect(posted).toContain('Geëscaleerd naar het Actieoverleg: ja');
      expect(posted).not.toContain('kinderen niet veilig');
      const text = await openPersonal(ao, 'E2E ronde 2: kinderen niet veilig');
      expect(text).toContain('Raad voor de Kinderbescherming');
      await step(p, caseId, ao, /Casusverantwoordelijke: Politie/, () => clickCardButton(ao, 'Ik word casusverantwoordelijke'));
    }));
});

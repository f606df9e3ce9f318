import type { CaseCardView, VtConsultationCardView, VtMorningSummaryView } from '../../../src/cards/view';
import { applyConsultationEvent, startConsultation, type Consultation, type ConsultationEvent } from '../../../src/domain/vt/consultation';
import type { VtConsultationRecord } from '../../../src/domain/vt/record';
import { CASE_LINK, sampleCase, sampleLocation, typicalView } from './fixtures';

/** VT consultation examples for the card tests. Times: asked 21:10 Amsterdam (20:10Z) on 23 Nov 2026. */
export const ASKED_AT = '2026-11-23T20:10:00.000Z';
/** 21:15 Amsterdam: five minutes after asking, before the reminder. */
export const EARLY = new Date('2026-11-23T20:15:00Z');
export const PRIMARY = 'aad-vt-oncall-primary-01';
export const BACKUP = 'aad-vt-oncall-backup-02';
export const PHONE = '06 12345678';
export const REGIONS = [
  { id: 'utrecht', name: 'Utrecht' },
  { id: 'gooi-vechtstreek', name: 'Gooi en Vechtstreek' },
  { id: 'midden-nederland-zuid', name: 'Midden-Nederland Zuid' },
];

/** "HH:mm" Amsterdam on the evening of 23 Nov 2026 (before noon: the next morning) as a UTC ISO string. */
const at = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  // Amsterdam is UTC+1 in November.
  return new Date(Date.UTC(2026, 10, h < 12 ? 24 : 23, h - 1, m)).toISOString();
};

type ConsultationEvents = (['answer', string, string] | ['reminderDue' | 'backupDue' | 'noOneOnCall' | 'expire', string])[];

/** The way to the backup: the on-call member reminded at 21:25, the backup asked at 21:40, and answering at 21:45. */
export const BACKUP_ANSWERED: ConsultationEvents = [
  ['reminderDue', '21:25'],
  ['backupDue', '21:40'],
  ['answer', '21:45', BACKUP],
];

/** A consultation asked at 21:10 with a backup on call, taken through `events` ("HH:mm" Amsterdam times). */
export function consultationState(
  events: ConsultationEvents = [],
  onCall: { primary?: string; backup?: string } = { primary: PRIMARY, backup: BACKUP },
): Consultation {
  let state = startConsultation({
    askedAt: ASKED_AT,
    onCall,
    delays: { reminderMinutes: 15, backupMinutes: 30 },
    expiresAt: sampleCase().deadline,
  });
  for (const e of events) {
    const event: ConsultationEvent = e[0] === 'answer' ? { type: 'answer', at: at(e[1]), by: e[2] } : { type: e[0], at: at(e[1]) };
    const r = applyConsultationEvent(state, event);
    if (!r.ok) throw new Error(`fixture event ${e[0]} refused: ${r.reason}`);
    state = r.state;
  }
  return state;
}

/** The consultation the backup answered (BACKUP_ANSWERED): known to VT, and call back at PHONE. */
export const backupAnsweredRecord = (): VtConsultationRecord =>
  consultationRecord({
    state: consultationState(BACKUP_ANSWERED),
    answers: [
      { kind: 'known', by: BACKUP, at: at('21:45') },
      { kind: 'call_back', by: BACKUP, at: at('21:46'), phone: PHONE },
    ],
  });

export function consultationRecord(overrides: Partial<VtConsultationRecord> = {}): VtConsultationRecord {
  return {
    caseId: sampleCase().id,
    seq: 1,
    regionId: 'utrecht',
    regionName: 'Utrecht',
    question: 'Is dit gezin bekend bij Veilig Thuis? Zijn er zorgen over de kinderen (13 en 9 jr)?',
    askedBy: 'aad-om-desk-07',
    state: consultationState(),
    sent: {},
    answers: [],
    ...overrides,
  };
}

/** A case card with a VT section (region Utrecht; no consultation unless given). */
export function vtCaseView(vt: Partial<NonNullable<CaseCardView['vt']>> = {}, overrides: Partial<CaseCardView> = {}): CaseCardView {
  return typicalView({
    vt: { regionId: 'utrecht', regionName: 'Utrecht', regionChoices: REGIONS, ...vt },
    ...overrides,
  });
}

export function vtConsultationView(overrides: Partial<VtConsultationCardView> = {}): VtConsultationCardView {
  return {
    case: sampleCase(),
    location: sampleLocation(),
    consultation: consultationRecord(),
    toBackup: false,
    now: EARLY,
    ...overrides,
  };
}

export function summaryItem(i: number, record: Partial<VtConsultationRecord> = {}, link = true): VtMorningSummaryView['items'][number] {
  const id = `b0b${i}e${i}00a1b2c3d4e5`;
  return {
    case: sampleCase({ id }),
    locationName: 'ZSM Midden-Nederland',
    consultation: consultationRecord({ caseId: id, ...record }),
    ...(link ? { caseLink: `${CASE_LINK}&i=${i}` } : {}),
  };
}

export function summaryView(overrides: Partial<VtMorningSummaryView> = {}): VtMorningSummaryView {
  return {
    regionName: 'Utrecht',
    from: '2026-11-23T16:00:00.000Z',
    to: '2026-11-24T07:30:00.000Z',
    items: [
      summaryItem(1, {
        state: consultationState([['answer', '21:18', PRIMARY]]),
        answers: [{ kind: 'not_known', by: PRIMARY, at: at('21:18') }],
      }),
      summaryItem(2, {
        state: consultationState([
          ['reminderDue', '21:25'],
          ['answer', '21:30', PRIMARY],
        ]),
        answers: [{ kind: 'call_back', by: PRIMARY, at: at('21:30'), phone: PHONE }],
      }),
      summaryItem(
        3,
        {
          state: consultationState([
            ['reminderDue', '21:25'],
            ['backupDue', '21:40'],
            ['expire', '02:15'],
          ]),
        },
        false,
      ),
    ],
    now: new Date('2026-11-24T07:30:00Z'),
    ...overrides,
  };
}

export { at as amsterdamAt };

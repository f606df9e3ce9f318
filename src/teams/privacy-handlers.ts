import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { AppDeps } from '../app/deps';
import { caseCode } from '../domain/case-code';
import { confirmErasure, parseCaseRef, prepareErasure, readCaseTrail, type PrivacyRefusal } from '../app/privacy/privacy-officer';
import { buildAuditTrailCard } from '../cards/audit-trail-card';
import { buildEraseConfirmCard } from '../cards/erase-confirm-card';
import { nlPrivacy } from '../i18n/nl/privacy';
import { answerInvoke } from './invoke-response';
import { cardVerb, type CardVerb } from './card-verbs';
import type { MessageCommand } from './message-commands';

export const PRIVACY_VERBS = { erase: 'privacy.erase' } as const;
const eraseDataSchema = z.object({ caseId: z.string().regex(/^[0-9a-f]{24}$/) }).passthrough();

const refusalText = (r: PrivacyRefusal): string =>
  r === 'not_privacy' ? nlPrivacy.chat.notPrivacy : r === 'ambiguous_ref' ? nlPrivacy.chat.ambiguousRef : nlPrivacy.chat.unknownRef;

const isPersonal = (context: TurnContext): boolean => context.activity.conversation?.conversationType === 'personal';

/** `audit <zaakcode>` and `wis <zaakcode>` (with a confirmation card) for the privacy officer, in a personal chat. */
export const privacyMessageCommands = (deps: AppDeps): MessageCommand[] => [
  {
    name: 'audit',
    pattern: /^audit(\s+.*)?$/i,
    run: async (context, text) => {
      if (!isPersonal(context)) return void (await context.sendActivity(nlPrivacy.chat.onlyPersonal));
      const ref = parseCaseRef(text.split(/\s+/).slice(1).join(' '));
      if (!ref) return void (await context.sendActivity(nlPrivacy.chat.usageAudit));
      const r = await readCaseTrail(deps, context.activity.from?.aadObjectId, ref);
      if (!r.ok) return void (await context.sendActivity(refusalText(r.reason)));
      const card = buildAuditTrailCard({
        ref: caseCode(r.value.chain),
        total: r.value.total,
        records: r.value.records,
        ...(r.value.broken ? { brokenSeq: r.value.broken.seq } : {}),
      });
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
    },
  },
  {
    name: 'wis',
    pattern: /^wis(\s+.*)?$/i,
    run: async (context, text) => {
      if (!isPersonal(context)) return void (await context.sendActivity(nlPrivacy.chat.onlyPersonal));
      const ref = parseCaseRef(text.split(/\s+/).slice(1).join(' '));
      if (!ref) return void (await context.sendActivity(nlPrivacy.chat.usageErase));
      const r = await prepareErasure(deps, context.activity.from?.aadObjectId, ref);
      if (!r.ok) return void (await context.sendActivity(refusalText(r.reason)));
      const shown = caseCode(r.value.caseId);
      await context.sendActivity(
        MessageFactory.attachment(
          CardFactory.adaptiveCard(buildEraseConfirmCard({ caseId: r.value.caseId, shown, verb: PRIVACY_VERBS.erase })),
        ),
      );
    },
  },
];

/** The erasure's confirmation verb: a row of the card-verb table (src/teams/card-verbs.ts). */
export function privacyCardVerbs(deps: AppDeps): CardVerb[] {
  return [
    cardVerb({
      verb: PRIVACY_VERBS.erase,
      schema: eraseDataSchema,
      refusal: nlPrivacy.chat.usageErase,
      // The confirmation: the role is checked again (card data proves nothing about who pressed it).
      // The command's value is the Dutch answer (a refusal of the privacy officer's tools is no AppError).
      command: async (d, actor) => {
        if (!actor.personal) return { ok: true, value: nlPrivacy.chat.usageErase };
        const r = await confirmErasure(deps, actor.aadObjectId, d.caseId);
        const shown = caseCode(d.caseId);
        return {
          ok: true,
          value: !r.ok ? refusalText(r.reason) : r.value.started ? nlPrivacy.chat.eraseStarted(shown) : nlPrivacy.chat.eraseAlready(shown),
        };
      },
      answer: { kind: 'direct', respond: (context, result) => answerInvoke(context, result.ok ? result.value : nlPrivacy.chat.usageErase) },
    }),
  ];
}

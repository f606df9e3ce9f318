import { PreconditionFailedError, type DocStore, type NewDoc } from './docstore';

/** What is needed to message a conversation proactively (a Teams conversation reference, plain JSON). */
export interface ConversationRefData {
  serviceUrl: string;
  conversationId: string;
  channelId: string;
  tenantId?: string;
  botId?: string;
  botName?: string;
  teamId?: string;
}

export const CONV_PK = '_conv';
const USER_MRIS_ID = 'user-mris';
/** Upper bound of the MRI document (one entry per known user; Teams' refresh takes at most 60 per card). */
export const MAX_USER_MRIS = 5000;
/** How long this process trusts what it last read or wrote of the shared `_conv` documents (others may write them too). */
export const CONV_CACHE_MS = 60_000;

const sameRef = (a: ConversationRefData, b: ConversationRefData): boolean => {
  const keys: (keyof ConversationRefData)[] = ['serviceUrl', 'conversationId', 'channelId', 'tenantId', 'botId', 'botName', 'teamId'];
  return keys.every((k) => a[k] === b[k]);
};

/** Conversation references and known users' MRIs (the `_conv` partition), cached per process: unchanged costs nothing. */
export class ConversationRefStore {
  /** Conversation references as this process last wrote or read them: an unchanged one costs no store operation. */
  private readonly convCache = new Map<string, { ref: ConversationRefData; at: number }>();
  private mrisCache: { mris: Record<string, string>; at: number } | undefined;

  constructor(private readonly db: DocStore) {}

  /** Written only when it changed (every turn would otherwise rewrite the same document). */
  async putConversationRef(key: string, ref: ConversationRefData): Promise<void> {
    const cached = this.convCache.get(key);
    if (cached && Date.now() - cached.at < CONV_CACHE_MS && sameRef(cached.ref, ref)) return;
    const current = (await this.db.get<ConversationRefData>(CONV_PK, key))?.body;
    if (!current || !sameRef(current, ref)) await this.db.upsert({ pk: CONV_PK, id: key, kind: 'convref', body: ref });
    this.convCache.set(key, { ref, at: Date.now() });
  }

  async getConversationRef(key: string): Promise<ConversationRefData | null> {
    return (await this.db.get<ConversationRefData>(CONV_PK, key))?.body ?? null;
  }

  /** Entra object id → Teams user MRI ("29:…"), learned from incoming activities; one small document. */
  async getUserMris(): Promise<Record<string, string>> {
    if (this.mrisCache && Date.now() - this.mrisCache.at < CONV_CACHE_MS) return this.mrisCache.mris;
    const mris = (await this.db.get<{ mris: Record<string, string> }>(CONV_PK, USER_MRIS_ID))?.body.mris ?? {};
    this.mrisCache = { mris, at: Date.now() };
    return mris;
  }

  /**
   * `keep` says who may stay in the document (the known users): others are dropped when it is written,
   * and it never holds more than MAX_USER_MRIS entries.
   */
  async rememberUserMri(aadObjectId: string, mri: string, keep: (aadObjectId: string) => boolean = () => true): Promise<void> {
    // Known to this process already (read or written within CONV_CACHE_MS): nothing to write.
    if (this.mrisCache && Date.now() - this.mrisCache.at < CONV_CACHE_MS && this.mrisCache.mris[aadObjectId] === mri) return;
    for (let attempt = 0; attempt < 20; attempt++) {
      const current = await this.db.get<{ mris: Record<string, string> }>(CONV_PK, USER_MRIS_ID);
      if (current) this.mrisCache = { mris: current.body.mris, at: Date.now() };
      if (current?.body.mris[aadObjectId] === mri) return;
      const kept = Object.entries(current?.body.mris ?? {}).filter(([aad]) => aad !== aadObjectId && keep(aad));
      const doc: NewDoc<{ mris: Record<string, string> }> = {
        pk: CONV_PK,
        id: USER_MRIS_ID,
        kind: 'convref',
        body: { mris: Object.fromEntries([...kept.slice(-(MAX_USER_MRIS - 1)), [aadObjectId, mri]]) },
      };
      try {
        if (!current) {
          if ((await this.db.insert(doc)) === 'created') {
            this.mrisCache = { mris: doc.body.mris, at: Date.now() };
            return;
          }
        } else {
          await this.db.replace(doc, current.etag);
          this.mrisCache = { mris: doc.body.mris, at: Date.now() };
          return;
        }
      } catch (e) {
        if (!(e instanceof PreconditionFailedError)) throw e;
      }
    }
  }
}

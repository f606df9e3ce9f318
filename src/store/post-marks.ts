import type { DocStore } from './docstore';
import type { CardRef } from './repository';

/** The partition of post markers (outside every case partition). */
export const POST_MARK_PK = '_post';

export interface PostMark {
  /** The channel and what is posted (`<channelId>|<idempotencyKey>`). */
  key: string;
  startedAt: string;
  /** Where the post landed, when Teams answered after its caller had given up (for the retry to adopt). */
  posted?: CardRef;
}

/**
 * Durable markers of channel posts in flight (issue 11 item 7). A marker is written just before a
 * thread creation goes out to Teams. Teams answered in time: it is removed. Teams answered after the
 * caller gave up: it keeps where the post landed, and the retry adopts it at whichever instance it runs,
 * then removes it. No answer at all (the instance died): a later attempt finds it without a post and,
 * once the settle time is over, posts anew marked as a possible duplicate. The Connector API cannot
 * read a channel back, so that last case is marked, not closed. Markers nobody came back for are
 * removed by the retention sweep after the job retention period (src/app/privacy/purge.ts).
 */
export class PostMarks {
  constructor(private readonly db: DocStore) {}

  /**
   * Writes our marker; returns the one an earlier attempt left, if any. One write when there is none
   * (every post but a retry after a lost answer); otherwise the earlier one is read, then replaced.
   */
  async begin(key: string, at: string): Promise<PostMark | null> {
    const ours = { pk: POST_MARK_PK, id: key, kind: 'postmark' as const, body: { key, startedAt: at } };
    if ((await this.db.insert<PostMark>(ours)) === 'created') return null;
    const earlier = await this.db.get<PostMark>(POST_MARK_PK, key);
    await this.db.upsert<PostMark>(ours);
    return earlier?.body ?? null;
  }

  async peek(key: string): Promise<PostMark | null> {
    return (await this.db.get<PostMark>(POST_MARK_PK, key))?.body ?? null;
  }

  async settle(key: string, posted: CardRef): Promise<void> {
    const earlier = await this.peek(key);
    await this.db.upsert<PostMark>({
      pk: POST_MARK_PK,
      id: key,
      kind: 'postmark',
      body: { key, startedAt: earlier?.startedAt ?? posted.postedAt ?? '', posted },
    });
  }

  async end(key: string): Promise<void> {
    await this.db.delete(POST_MARK_PK, key);
  }

  /**
   * Markers started before `cutoff` (the retention sweep removes them): left by an instance that died
   * with its post unanswered and a job that never came back for it (its case purged meanwhile, say).
   * They name a case and a channel post, so they are kept no longer than the jobs they serve. One
   * partition read: markers exist only for posts whose answer was lost, a handful.
   */
  async findBefore(cutoff: string, limit: number): Promise<string[]> {
    const marks = await this.db.listPartition<PostMark>(POST_MARK_PK, 'postmark');
    return marks
      .filter((m) => m.body.startedAt < cutoff)
      .slice(0, limit)
      .map((m) => m.id);
  }
}

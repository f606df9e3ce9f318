import type { DocStore } from './docstore';

/** The partition of post markers (outside every case partition). */
export const POST_MARK_PK = '_post';

export interface PostMark {
  /** The channel and what is posted (`<channelId>|<idempotencyKey>`). */
  key: string;
  startedAt: string;
}

/**
 * Durable markers of channel posts in flight (issue 11 item 7). A marker is written just before a
 * thread creation goes out to Teams and removed once Teams answered. A marker found when the same post
 * starts again means an earlier attempt died (crash, kill) with its outcome unknown: Teams may have
 * posted it. The Connector API cannot read a channel back, so the new post is marked instead.
 */
export class PostMarks {
  constructor(private readonly db: DocStore) {}

  /** Writes our marker; returns the one an earlier attempt left, if any. */
  async begin(key: string, at: string): Promise<PostMark | null> {
    const earlier = await this.db.get<PostMark>(POST_MARK_PK, key);
    await this.db.upsert<PostMark>({ pk: POST_MARK_PK, id: key, kind: 'postmark', body: { key, startedAt: at } });
    return earlier?.body ?? null;
  }

  async end(key: string): Promise<void> {
    await this.db.delete(POST_MARK_PK, key);
  }
}

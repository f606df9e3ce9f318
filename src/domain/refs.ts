/** Where a card was posted in Teams, so it can be updated or replied to later. */
export interface CardRef {
  conversationId: string;
  activityId: string;
  serviceUrl: string;
  postedAt: string;
  /** An earlier attempt of this post died with its outcome unknown: the channel may show it twice. */
  maybeDuplicate?: boolean;
}

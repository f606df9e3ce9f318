/** Where a card was posted in Teams, so it can be updated or replied to later. */
export interface CardRef {
  conversationId: string;
  activityId: string;
  serviceUrl: string;
  postedAt: string;
}

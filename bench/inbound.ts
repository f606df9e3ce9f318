/** The inbound rate limits, raised for the product and the floor alike: the bench is one client address. */
export const RAISED_INBOUND = { RATE_LIMIT_MESSAGES: '1000000', RATE_LIMIT_INTAKE: '1000000' };

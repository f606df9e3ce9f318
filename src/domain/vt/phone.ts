/** A Dutch phone number as the call-back field accepts it (the card and the server use the same rule). */
export const VT_PHONE_PATTERN = '^(\\+31|0)[1-9][0-9 -]{7,12}$';
export const isVtPhone = (value: string): boolean => new RegExp(VT_PHONE_PATTERN).test(value.trim());

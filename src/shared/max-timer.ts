/**
 * The longest delay `setTimeout` honours: browsers keep it in a signed 32-bit integer, and a longer
 * one fires at once. A wait past it is shortened to it, or not set.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

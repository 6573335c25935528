// The shape of a whole verification code (SMS / e-mail / authenticator): 4 to 8 digits or capital
// letters once canonical. Dependency-free: the frame's safety copy and the background's log both judge
// "is this code whole" with it, so a code the page kept is never a fragment in one and whole in the other.

/** Whether `value` (canonical: no spaces, upper case) is a whole verification code. */
export const isWholeCode = (value: string): boolean => /^[0-9A-Z]{4,8}$/.test(value);

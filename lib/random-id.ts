// Unguessable ids (channel secrets, hold ids). crypto.randomUUID exists only on https pages,
// and loan sites are often plain http, so this uses getRandomValues, which is everywhere.

/** 128 random bits as 32 lowercase hex characters. */
export function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

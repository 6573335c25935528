// Background side of fingerprinting: turns a reported item's normalised value into the fingerprint
// the log keeps (the value itself is dropped here). Phones are brought to E.164 first, so
// "138 0013 8000" typed on one site and "+86 13800138000" on another are one item.
import { checkPhone } from '@/lib/validate/phone';
import type { HeldItem, ReportedItem } from '@/lib/messages/guard-messages';
import type { FieldKind } from '@/lib/types';
import { fingerprintOf, loadFingerprintKey } from './fingerprint';

/** The value fingerprinted for `kind`: E.164 for a valid phone, else the value as reported. */
export function fingerprintInput(kind: FieldKind, value: string, region?: string): string {
  if (kind !== 'phone') return value;
  const phone = checkPhone(value, region);
  return phone.valid && phone.normalized ? phone.normalized : value.replace(/^\+/, '');
}

/** Reported items → held items: fingerprint in, value out. A failure leaves fingerprint null. */
export async function fingerprintItems(items: readonly ReportedItem[]): Promise<HeldItem[]> {
  const key = await loadFingerprintKey().catch(() => null);
  return Promise.all(
    items.map(async ({ fingerprintValue, region, ...item }) => {
      const fingerprint = key ? await fingerprintOf(key, item.kind, fingerprintInput(item.kind, fingerprintValue, region)).catch(() => null) : null;
      return { ...item, fingerprint };
    }),
  );
}

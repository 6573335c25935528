// Background side of a reported item: decides whether its value is whole (only whole values enter
// the log: an ID that validates for some country, a valid phone, a card that passes its check, a
// code of plausible length), takes the country from the value itself (not from the field's label),
// and turns the value into the fingerprint the log keeps — the value itself is dropped here. Phones
// are brought to E.164 first, so "138 0013 8000" on one site and "+86 13800138000" on another are one item.
import type { HeldItem, ReportedItem } from '@/lib/messages/guard-messages';
import type { DataKind } from '@/lib/types';
import { checkBankCard, checkClabe } from '@/lib/validate/bank-card';
import { checkNationalId } from '@/lib/validate/national-id';
import { checkPhone } from '@/lib/validate/phone';
import { isWholeCode } from '@/lib/validate/checks/otp';
import { fingerprintOf, loadFingerprintKey } from './fingerprint';

/** The value fingerprinted for `kind`: E.164 for a valid phone, else the value as reported. */
export function fingerprintInput(kind: DataKind, value: string, region?: string): string {
  if (kind !== 'phone') return value;
  const phone = checkPhone(value, region);
  return phone.valid && phone.normalized ? phone.normalized : value.replace(/^\+/, '');
}

/** Whether `item`'s value is a whole value of its kind, and the country the value itself belongs to. */
export function wholeValue(item: ReportedItem): { complete: boolean; country?: string } {
  const value = item.fingerprintValue;
  switch (item.kind) {
    case 'national-id': {
      // The field's label may name a country; a value that is another country's ID says otherwise.
      const named = item.country ? checkNationalId(value, { country: item.country }) : undefined;
      const check = named?.valid ? named : checkNationalId(value);
      return check.valid ? { complete: true, ...(check.country ? { country: check.country } : {}) } : { complete: false };
    }
    case 'phone': {
      const check = checkPhone(value, item.region);
      return check.valid ? { complete: true, ...(check.country ? { country: check.country } : {}) } : { complete: false };
    }
    case 'bank-card':
      return { complete: checkBankCard(value).valid || checkClabe(value).valid };
    case 'otp':
      return { complete: isWholeCode(value) };
    default:
      // Contacts, camera, location, clipboard: the access itself is the item; there is no value.
      return { complete: true };
  }
}

/** Reported items → held items: fingerprint in, value out. A failure leaves fingerprint null. */
export async function fingerprintItems(items: readonly ReportedItem[]): Promise<HeldItem[]> {
  const key = await loadFingerprintKey().catch(() => null);
  return Promise.all(
    items.map(async (reported) => {
      const { fingerprintValue, region, country: _labelCountry, ...item } = reported;
      const whole = wholeValue(reported);
      const fingerprint = key ? await fingerprintOf(key, item.kind, fingerprintInput(item.kind, fingerprintValue, region)).catch(() => null) : null;
      return { ...item, ...(whole.country ? { country: whole.country } : {}), fingerprint, complete: whole.complete };
    }),
  );
}

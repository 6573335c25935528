// The phone-region picker shared by the settings form and the welcome page: "from the page" or one
// country, by its name in the UI language. A region outside the usual list (e.g. guessed from the
// browser's language) is offered too, so the current value is always one of the options.
import { t, uiLanguage } from '@/lib/locale/i18n';

/** Regions offered for phone numbers: the markets hit hardest by predatory lending, then others. */
export const PHONE_REGIONS = ['CN', 'MX', 'ID', 'IN', 'PH', 'TH', 'VN', 'PK', 'CO', 'PE', 'CL', 'BR', 'KE', 'NG', 'EG', 'ES', 'US'];

function regionName(): (region: string) => string {
  try {
    const names = new Intl.DisplayNames([uiLanguage()], { type: 'region' });
    return (region) => names.of(region) ?? region;
  } catch {
    return (region) => region;
  }
}

export interface PhoneRegionSelectProps {
  id: string;
  value: string;
  describedBy?: string;
  onChange(region: string): void;
}

export function PhoneRegionSelect({ id, value, describedBy, onChange }: PhoneRegionSelectProps) {
  const name = regionName();
  const regions = value === '' || PHONE_REGIONS.includes(value) ? PHONE_REGIONS : [value, ...PHONE_REGIONS];
  return (
    <select id={id} value={value} aria-describedby={describedBy} onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}>
      <option value="">{t('phoneRegionAuto')}</option>
      {regions.map((region) => (
        <option key={region} value={region}>
          {name(region)}
        </option>
      ))}
    </select>
  );
}

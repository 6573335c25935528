// The complaint letter in "Help after a leak": filled from the chosen site's events, addressed to the
// platform or an office of the chosen country, editable, copied to the clipboard or saved as text.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { container, useComponentTest } from '../../helpers/render';
import { ComplaintLetter } from '@/components/options/ComplaintLetter';
import type { ShareEvent } from '@/lib/log/share-event';
import { shareEventAt } from '../../helpers/share-event-factory';

useComponentTest();

const T0 = Date.UTC(2026, 4, 3, 6, 5);
const EVENTS: ShareEvent[] = [
  shareEventAt(T0, { destinationSites: ['kuaidai.example'], pageUrl: 'https://kuaidai.example/register' }),
  shareEventAt(T0 + 1000, { destinationSites: ['kuaidai.example'], kind: 'national-id', masked: '1101**********002X', decision: 'cancelled' }),
];

async function mount(country = 'MX', events: readonly ShareEvent[] = EVENTS) {
  const loadEvents = vi.fn(async (site: string) => events.filter((event) => event.destinationSites.includes(site)));
  await act(async () => {
    render(<ComplaintLetter site="kuaidai.example" country={country} loadEvents={loadEvents} now={() => T0} />, container);
  });
  await act(async () => {
    await Promise.resolve();
  });
  return loadEvents;
}

const text = () => container.querySelector<HTMLTextAreaElement>('textarea#letter-text')!;
const recipient = () => container.querySelector<HTMLSelectElement>('select#letter-recipient')!;
const choose = (value: string) =>
  act(() => {
    recipient().value = value;
    recipient().dispatchEvent(new Event('change', { bubbles: true }));
  });
/** Clicks, then lets the handler's promise (the clipboard's answer) settle. */
const click = (selector: string) =>
  act(async () => {
    container.querySelector<HTMLElement>(selector)!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

describe('ComplaintLetter', () => {
  it('reads the site\'s events and writes the platform letter first, with both the sent and the stopped item', async () => {
    const loadEvents = await mount();
    expect(loadEvents).toHaveBeenCalledWith('kuaidai.example');
    expect(text().value.split('\n')[0]).toBe('letter_to_platform(kuaidai.example)');
    expect(text().value).toContain('letter_request_delete');
    expect(text().value).toContain('138****8000');
    expect(text().value).toContain('1101**********002X');
    expect(container.querySelector('label[for="letter-text"]')).not.toBeNull();
    expect(container.querySelector('label[for="letter-recipient"]')).not.toBeNull();
  });

  it('offers the chosen country\'s offices and readdresses the letter to one', async () => {
    await mount('MX');
    const values = [...recipient().options].map((option) => option.value);
    expect(values[0]).toBe('platform');
    expect(values).toContain('mx-condusef');
    await choose('mx-condusef');
    expect(text().value.split('\n')[0]).toMatch(/^letter_to_office\(Comisión Nacional para la Protección/);
    expect(text().value).toContain('letter_office_request');
    expect(text().value).not.toContain('letter_request_delete');
  });

  it('copies what the user edited', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await mount();
    await act(() => {
      text().value = 'My own words';
      text().dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click('button.letter-copy');
    expect(writeText).toHaveBeenCalledWith('My own words');
    expect(container.querySelector('.letter-status')!.textContent).toBe('letter_copied');
  });

  it('says so when the clipboard refuses', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) } });
    await mount();
    await click('button.letter-copy');
    expect(container.querySelector('.letter-status')!.textContent).toBe('letter_copy_failed');
  });

  it('saves the letter as a UTF-8 text file named after the site and recipient', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:letter';
    });
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    await mount();
    await click('button.letter-save');
    expect(downloads).toEqual(['loanguard-letter-kuaidai.example-platform.txt']);
    expect(created[0]!.type).toBe('text/plain;charset=utf-8');
    expect(await created[0]!.text()).toBe(text().value);
  });

  it('says when the log has nothing for the site', async () => {
    await mount('CN', []);
    expect(container.textContent).toContain('letter_empty');
    expect(text()).toBeNull();
  });
});

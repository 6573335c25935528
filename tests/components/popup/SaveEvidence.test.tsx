// The popup's "Save evidence of this page": asks the background for the popup's tab, then shows the
// time and hash with a link to that site's report, or the reason it could not.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { container, useComponentTest } from '../../helpers/render';
import { SaveEvidence } from '@/components/popup/SaveEvidence';

vi.mock('@/lib/messages/write-requests', () => ({ saveEvidence: vi.fn() }));
vi.mock('@/lib/messages/page-requests', () => ({ currentTab: vi.fn(async (search: string) => ({ id: Number(new URLSearchParams(search).get('tab')) || undefined })) }));
const { saveEvidence } = await import('@/lib/messages/write-requests');

useComponentTest({ setup: () => vi.mocked(saveEvidence).mockReset() });

async function press(search: string) {
  await act(() => render(<SaveEvidence search={search} />, container));
  await act(async () => {
    container.querySelector<HTMLButtonElement>('button.evidence-save')!.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('SaveEvidence', () => {
  it('saves the popup\'s tab and shows the hash and a link to the site\'s report', async () => {
    vi.mocked(saveEvidence).mockResolvedValue({ ok: true, id: 'evidence-1', at: Date.UTC(2026, 10, 30), site: 'kuaidai.example', sha256: '0123456789abcdef'.repeat(4) });
    await press('?tab=42');
    expect(saveEvidence).toHaveBeenCalledWith(42);
    const saved = container.querySelector<HTMLElement>('.evidence-saved')!;
    expect(saved.dataset.sha256).toBe('0123456789abcdef'.repeat(4));
    expect(saved.textContent).toContain('0123456789abcdef…');
    expect(saved.querySelector('a')!.getAttribute('href')).toMatch(/report\.html\?site=kuaidai\.example$/);
  });

  it('shows why it could not', async () => {
    vi.mocked(saveEvidence).mockResolvedValue({ ok: false, error: 'evidence_error_not_visible' });
    await press('?tab=42');
    expect(container.querySelector('.evidence-error')!.textContent).toBe('evidence_error_not_visible');
    expect(container.querySelector('.evidence-saved')).toBeNull();
  });

  it('names the missing tab without asking the background', async () => {
    await press('');
    expect(saveEvidence).not.toHaveBeenCalled();
    expect(container.querySelector('.evidence-error')!.textContent).toBe('evidence_error_tab');
  });
});

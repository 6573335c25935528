// The ID-upload check through the background's real message router: a content script sends the words
// of a file input a picture was picked for; the background answers with the rules' verdict (the rules
// are not page code). Malformed or oversized descriptions go unanswered, as does the same message from an extension page.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { contentMessages } from '@/lib/background/from-content';
import { routeMessages } from '@/lib/background/message-router';
import { createGuardService } from '@/lib/background/guard-service';

const ORIGIN = 'chrome-extension://abcdefgh/';
const route = routeMessages([contentMessages(createGuardService(async () => undefined, () => 1))], () => ORIGIN);
const page = { url: 'https://www.shandianjie.test/verify', tab: { id: 3 } as Browser.tabs.Tab, frameId: 0 } as Browser.runtime.MessageSender;
const check = (texts: unknown, from = page) => route({ type: 'id-upload-check', texts }, from) as Promise<{ isIdUpload: boolean; reasons: { code: string }[] } | undefined>;

describe('id-upload-check', () => {
  it('answers from the rules: an ID card front is one, an avatar is not', async () => {
    const id = await check(['身份证正面', 'id card front']);
    expect(id?.isIdUpload).toBe(true);
    expect(id?.reasons.map((reason) => reason.code)).toContain('id_upload_document');
    expect((await check(['上传头像']))?.isIdUpload).toBe(false);
  });

  it('refuses a malformed or oversized description, and the same message from an extension page', async () => {
    expect(await check('身份证正面')).toBeUndefined();
    expect(await check(Array.from({ length: 8 }, () => 'ktp'))).toBeUndefined();
    expect(await check(['x'.repeat(301)])).toBeUndefined();
    expect(await check(['身份证正面'], { url: `${ORIGIN}popup.html` } as Browser.runtime.MessageSender)).toBeUndefined();
    expect(await check(['身份证正面'])).toBeDefined();
  });
});

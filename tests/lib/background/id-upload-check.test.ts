// The ID-upload check through the background's real message router: a content script sends the words
// of a file input a picture was picked for; the background answers with the rules' verdict (the rules
// are not page code). Malformed or oversized descriptions go unanswered, as does the same message from
// an extension page. The choice made for an ID picture is logged without the picture.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
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

describe('id-photo', () => {
  it('logs the choice for the page’s site in the user’s words, never the picture; "not attached" as not sent', async () => {
    // The background words it in the user's language: here the English catalog.
    const english = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => english[key]?.message ?? '') as never);
    const recorded: { kind: string; decision: string; masked: string; pageSite: string; destinationSites: string[] }[] = [];
    const logRoute = routeMessages([contentMessages(createGuardService(async (events) => void recorded.push(...(events as never[])), () => 1))], () => ORIGIN);
    await logRoute({ type: 'id-photo', choice: 'marked', title: '实名认证' }, page);
    await logRoute({ type: 'id-photo', choice: 'not-attached', title: '实名认证' }, page);
    expect(recorded.map((event) => [event.kind, event.decision, event.masked, event.pageSite, event.destinationSites[0]])).toEqual([
      ['id-photo', 'sent-once', 'marked', 'shandianjie.test', 'shandianjie.test'],
      ['id-photo', 'cancelled', 'not attached', 'shandianjie.test', 'shandianjie.test'],
    ]);
    expect(await logRoute({ type: 'id-photo', choice: 'photo-bytes', title: '' }, page)).toBeUndefined();
  });
});

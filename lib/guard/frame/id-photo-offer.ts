// What happens to a picture held by id-upload-hold.ts (part of the on-page UI, frame-ui.js): the
// background says whether the field asks for an ID document; if so the user is offered to mark it
// (lib/notices/id-offer.ts), and the page then gets the marked copy, the original, or nothing,
// through the same field — `input.files` and the input and change events its code listens for. The
// choice is logged by the background (never the picture).
import type { IdUploadField } from '@/lib/detect/id-upload';
import { markText } from '@/lib/help/id-mark';
import { markFile } from '@/lib/help/id-mark-draw';
import { t, uiLanguage } from '@/lib/locale/i18n';
import { showIdOffer, type IdOfferChoice, type IdOfferText } from '@/lib/notices/id-offer';

export interface IdPhotoOfferEnvironment {
  send(message: unknown): Promise<unknown>;
  /** The pick is settled (the page has its files): a new pick in the field is held anew. */
  done(): void;
}

/** The offer's words for `field` on `site`, in the user's language. */
export function idOfferText(field: IdUploadField, site: string, now: number): IdOfferText {
  const date = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long' }).format(now);
  return {
    title: t('idOfferTitle'),
    body: t('idOfferBody', [field.label || t('idOfferFieldUnnamed'), site]) + (field.camera ? ` ${t('idUploadCamera')}` : ''),
    purposeLabel: t('idmark_purpose_label'),
    purpose: t('idmark_purpose_default'),
    markText: (purpose) => markText(t, { site, purpose, date }),
    previewLabel: t('idOfferPreview'),
    cannotMark: t('idOfferCannotMark'),
    mark: t('idOfferMark'),
    asIs: t('idOfferAsIs'),
    none: t('idOfferNone'),
  };
}

/** Gives the page `files` in the field, with the events a real pick fires. */
function release(input: HTMLInputElement, files: File[], env: IdPhotoOfferEnvironment): void {
  env.done();
  const list = new DataTransfer();
  for (const file of files) list.items.add(file);
  input.files = list.files;
  for (const type of ['input', 'change']) input.dispatchEvent(new Event(type, { bubbles: true }));
}

export async function offerIdPhoto(doc: Document, input: HTMLInputElement, files: File[], field: IdUploadField, env: IdPhotoOfferEnvironment): Promise<void> {
  const reply = (await env.send({ type: 'id-upload-check', texts: field.texts }).catch(() => undefined)) as { isIdUpload?: unknown } | undefined;
  // Not an ID document: the page gets the pick as it was. No answer (the extension restarting): asked, to be safe.
  if (reply && reply.isIdUpload !== true) return release(input, files, env);
  const picture = files.find((file) => file.type.startsWith('image/'));
  const image = picture ? await createImageBitmap(picture).catch(() => null) : null;
  const site = (doc.defaultView?.location.hostname ?? '').replace(/^www\./, '');
  showIdOffer(doc, image, idOfferText(field, site, Date.now()), (choice: IdOfferChoice, mark: string) => {
    void (async () => {
      if (choice === 'marked') {
        // A file that can't be marked is left out: nothing goes unmarked without the user saying so.
        const marked = await Promise.all(files.map((file) => (file.type.startsWith('image/') ? markFile(doc, file, mark).catch(() => null) : null)));
        release(input, marked.filter((file): file is File => file !== null), env);
      } else release(input, choice === 'as-is' ? files : [], env);
      void env.send({ type: 'id-photo', choice, title: doc.title.slice(0, 500) }).catch(() => undefined);
    })();
  });
}

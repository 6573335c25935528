// "Mark a copy of your ID" (in Help after a leak): the user picks a picture of their ID, names who it
// is for and why, sees the endorsement drawn across it and saves the marked copy. Drawn on a canvas
// in this page; the picture never leaves the device.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, uiLanguage } from '@/lib/locale/i18n';
import { markText, outputType } from '@/lib/help/id-mark';
import { drawMarked, markedName } from '@/lib/help/id-mark-draw';
import { saveBlobAs } from '@/components/shared/save-file';

export function IdMarkTool({ initialSite = '' }: { initialSite?: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [image, setImage] = useState<ImageBitmap | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [site, setSite] = useState(initialSite);
  const [purpose, setPurpose] = useState(() => t('idmark_purpose_default'));
  const canvas = useRef<HTMLCanvasElement>(null);
  const date = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long' }).format(Date.now());
  const text = markText(t, { site, purpose, date });

  useEffect(() => {
    if (image && canvas.current) drawMarked(canvas.current, image, text);
  }, [image, text]);

  const choose = async (picked: File | undefined) => {
    setImage(null);
    setFile(picked ?? null);
    setProblem(null);
    if (!picked) return;
    if (!picked.type.startsWith('image/')) return setProblem(picked.type === 'application/pdf' ? 'idmark_pdf' : 'idmark_not_image');
    try {
      setImage(await createImageBitmap(picked));
    } catch {
      setProblem('idmark_not_image');
    }
  };

  const save = () => {
    if (!file || !canvas.current) return;
    const type = outputType(file.type);
    canvas.current.toBlob((blob) => blob && saveBlobAs(blob, markedName(file.name, blob.type || type)), type, 0.92);
  };

  return (
    <div class="block id-mark">
      <h3 id="idmark-heading">{t('idmark_heading')}</h3>
      <p class="muted">{t('idmark_intro')}</p>
      <div class="field">
        <label for="idmark-file">{t('idmark_file_label')}</label>
        <input id="idmark-file" type="file" accept="image/*,application/pdf" onChange={(event) => void choose((event.target as HTMLInputElement).files?.[0])} />
      </div>
      <div class="field">
        <label for="idmark-site">{t('idmark_site_label')}</label>
        <input id="idmark-site" type="text" value={site} onInput={(event) => setSite((event.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="idmark-purpose">{t('idmark_purpose_label')}</label>
        <input id="idmark-purpose" type="text" value={purpose} onInput={(event) => setPurpose((event.target as HTMLInputElement).value)} />
      </div>
      <p class="idmark-text" data-mark-text={text}>
        {t('idmark_text_label')} <q>{text}</q>
      </p>
      {problem && (
        <p class="status status-warn" role="alert">
          {t(problem)}
        </p>
      )}
      {image && (
        <>
          <canvas ref={canvas} class="idmark-preview" role="img" aria-label={t('idmark_preview_label', [text])} />
          <p class="actions">
            <button type="button" class="button-primary idmark-save" onClick={save}>
              {t('idmark_save')}
            </button>
          </p>
        </>
      )}
      <p class="muted">{t('idmark_local_note')}</p>
    </div>
  );
}

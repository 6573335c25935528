// "Mark a copy of your ID" (in Help after a leak): the user picks a picture of their ID, names who it
// is for and why, sees the endorsement drawn across it and saves the marked copy. Drawn on a canvas
// in this page; the picture never leaves the device.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, uiLanguage } from '@/lib/locale/i18n';
import { markLayout, markText, outputSize, outputType } from '@/lib/help/id-mark';
import { saveBlobAs } from '@/components/shared/save-file';

const FONT = (size: number) => `600 ${size}px system-ui, "Noto Sans", "Noto Sans CJK SC", sans-serif`;

/** Draws `image` and the endorsement on `canvas`, at the image's size (scaled down when huge). */
export function drawMarked(canvas: HTMLCanvasElement, image: CanvasImageSource & { width: number; height: number }, text: string): void {
  const { width, height } = outputSize(image.width, image.height);
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.drawImage(image, 0, 0, width, height);
  const layout = markLayout(width, height, text, (line, size) => {
    ctx.font = FONT(size);
    return ctx.measureText(line).width;
  });
  ctx.save();
  ctx.globalAlpha = layout.alpha;
  ctx.font = FONT(layout.fontSize);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  // Dark red letters with a light outline show on light and dark parts of a photo alike.
  ctx.lineWidth = Math.max(1, layout.fontSize / 10);
  ctx.strokeStyle = '#ffffff';
  ctx.fillStyle = '#b00020';
  for (const line of layout.lines) {
    ctx.save();
    ctx.translate(line.x, line.y);
    ctx.rotate(layout.angle);
    ctx.strokeText(text, 0, 0);
    ctx.fillText(text, 0, 0);
    ctx.restore();
  }
  ctx.restore();
}

const markedName = (name: string, type: string): string =>
  `${name.replace(/\.[^.]*$/, '') || 'id'}-marked.${type === 'image/jpeg' ? 'jpg' : type.slice('image/'.length)}`;

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

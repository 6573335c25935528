// Draws the endorsement of lib/help/id-mark.ts across a picture on a canvas, and makes a marked copy
// of a picked file (same type where the browser can encode it, the size capped). Framework-free: the
// options page's marking tool and the offer on a lender's page (frame-ui.js) both use it.
import { markLayout, outputSize, outputType } from './id-mark';

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

/** The file name of a marked copy: "front.jpg" → "front-marked.jpg". */
export const markedName = (name: string, type: string): string =>
  `${name.replace(/\.[^.]*$/, '') || 'id'}-marked.${type === 'image/jpeg' ? 'jpg' : type.slice('image/'.length)}`;

/** A marked copy of the picture `file` (rejects when it is not a picture the browser can read). */
export async function markFile(doc: Document, file: File, text: string): Promise<File> {
  const image = await createImageBitmap(file);
  const canvas = doc.createElement('canvas');
  drawMarked(canvas, image, text);
  image.close();
  const type = outputType(file.type);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, 0.92));
  if (!blob) throw new Error('the marked picture could not be encoded');
  return new File([blob], markedName(file.name, blob.type || type), { type: blob.type || type, lastModified: Date.now() });
}

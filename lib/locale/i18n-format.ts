// The messages.json format (placeholders, $1…$9, $$) for code that runs outside the browser's
// i18n: the CLI prints reasons in English from the same public/_locales files the extension uses.
import * as z from 'zod/mini';

export const messagesFileSchema = z.record(
  z.string(),
  z.object({
    message: z.string(),
    description: z.optional(z.string()),
    placeholders: z.optional(z.record(z.string(), z.object({ content: z.string(), example: z.optional(z.string()) }))),
  }),
);
export type MessagesFile = z.infer<typeof messagesFileSchema>;

const substitute = (text: string, subs: readonly string[]): string =>
  text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');

export function formatMessage(messages: MessagesFile, key: string, subs: readonly string[] = []): string {
  const entry = messages[key];
  if (!entry) return '';
  const placeholders = entry.placeholders ?? {};
  const withPlaceholders = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const placeholder = placeholders[name.toLowerCase()];
    return placeholder ? substitute(placeholder.content, subs) : whole;
  });
  return substitute(withPlaceholders.replace(/\$\$/g, '\u0000'), subs).replace(/\u0000/g, '$');
}

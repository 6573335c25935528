// Classifier reasons in English for the CLI, from the extension's own en messages.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatMessage, messagesFileSchema, type MessagesFile } from '../lib/locale/i18n-format';
import type { Reason } from '../lib/types';

let english: MessagesFile | undefined;

function messages(): MessagesFile {
  english ??= messagesFileSchema.parse(
    JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../public/_locales/en/messages.json'), 'utf8')),
  );
  return english;
}

export function englishReason(reason: Reason): string {
  return formatMessage(messages(), `reason_${reason.code}`, [reason.detail]) || `${reason.code}: ${reason.detail}`;
}

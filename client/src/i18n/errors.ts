// A failed request in the user's words: known error codes are translated, others show the server's message.
import { ApiError } from '../api/client';
import { messages, type Locale, type MessageKey } from './messages';

export function errorText(err: unknown, locale: Locale): string {
  if (err instanceof ApiError) {
    const key = `err_${err.code}` as MessageKey;
    if (key in messages[locale]) return messages[locale][key];
    return err.message;
  }
  return (err as Error)?.message ?? String(err);
}

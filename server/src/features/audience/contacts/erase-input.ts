import { z } from 'zod';
import { ERASE_CONFIRMATION_WORD } from '../../../../../shared/contracts/privacy';

/** POST /contacts/:documentId/erase `data`: what the editor typed to confirm. */
export const eraseInput = z.strictObject({
  confirm: z.string().max(400).trim().min(1, `type the contact's address or ${ERASE_CONFIRMATION_WORD} to confirm`),
});

/** Whether what was typed confirms erasing this contact: its address (any case) or the word, as shown. */
export const confirmsErasure = (typed: string, email: string) => {
  const value = typed.trim();
  return value === ERASE_CONFIRMATION_WORD || value.toLowerCase() === email.toLowerCase();
};

/** The pure reading of a reply (no Strapi): class, stripped text, auto-reply kind, return date, signed reply address. */
export { readReply, snippetOf, DEFAULT_READ_BYTES, DEFAULT_TEXT_CHARS, type ReadReplyOptions, type ReplyReading } from './read-reply';
export { stripReply, hasForwardedBlock, type StrippedReply } from './strip';
export { findReturnDate } from './return-date';
export { autoReplyKindOf, type AutoReplyMail } from './auto-reply-kind';
export { replyAddressOf, deliveryOfReplyAddress } from './reply-address';

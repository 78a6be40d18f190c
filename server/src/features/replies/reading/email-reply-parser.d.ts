/** email-reply-parser 2.1.0 ships no types: the part of its API strip.ts uses. */
declare module 'email-reply-parser' {
  class Fragment {
    getContent(): string;
    isHidden(): boolean;
    isSignature(): boolean;
    isQuoted(): boolean;
  }
  class Email {
    getFragments(): Fragment[];
  }
  class EmailReplyParser {
    read(text: string): Email;
  }
  export = EmailReplyParser;
}

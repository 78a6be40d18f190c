/** Text that ends up in a mail header may not carry line breaks: they would let it inject headers. */
export const hasLineBreak = (value: string) => /[\r\n]/.test(value);

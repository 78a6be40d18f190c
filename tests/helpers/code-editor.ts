import type { Page } from 'playwright-core';

/**
 * The text of the campaign editor's MJML code editor (CodeMirror), line by line as it shows it.
 * CodeMirror draws the lines in and near the viewport only: enough for the short templates tests write.
 */
export const mjmlText = async (page: Page) => (await page.locator('.cm-content .cm-line').allTextContents()).join('\n');

/** The code editor's line (1-based) as CodeMirror draws it: its text, its lint underline. */
export const codeLine = (page: Page, line: number) => page.locator('.cm-content .cm-line').nth(line - 1);

/** The gutter element of a line's number, to find the lint marker in the same row of the lint gutter. */
export const lineNumber = (page: Page, line: number) =>
  page.locator('.cm-lineNumbers .cm-gutterElement').filter({ hasText: new RegExp(`^${line}$`) });

import type { Locator, Page } from 'playwright-core';

/**
 * An Ant Design select: opens it from its combobox, clicks the option and waits until the select shows it as its value.
 * Under load a dialog's opening animation can end after the select was opened; the dialog then takes the focus and the
 * dropdown closes under the pointer (seen in CI: the form then refused locally, without an alert). A lost pick is
 * retried, never ignored.
 */
export async function pickOption(page: Page, combobox: Locator, option: string | RegExp): Promise<void> {
  const select = combobox.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const chosen = select.locator('.ant-select-content-has-value', { hasText: option });
  for (let attempt = 1; ; attempt++) {
    try {
      // Opened only when closed: a click on an open select's combobox closes it.
      if (!(await page.locator('.ant-select-dropdown:visible').count())) await combobox.click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click({ timeout: 10_000 });
      await chosen.waitFor({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw new Error(`the select never showed「${String(option)}」as its value after 3 picks: ${String(e)}`);
    }
  }
}

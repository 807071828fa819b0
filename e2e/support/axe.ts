import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

export interface A11yOptions {
  /** Only check inside this selector. */
  include?: string;
  /** Leave these selectors out (third-party widgets, say); say why at the call site. */
  exclude?: string[];
  /** Rule ids to switch off; say why at the call site. */
  disableRules?: string[];
}

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe on the page as it is now and fails on violations of impact serious or critical,
 * listing each with its rule, the elements and how to fix them. Minor and moderate ones are
 * printed as a warning but do not fail. The full axe result is attached to the test report.
 */
export async function expectNoSeriousA11yViolations(page: Page, options: A11yOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page });
  if (options.include) builder = builder.include(options.include);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const results = await builder.analyze();

  await test.info().attach(`axe ${page.url()}`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });

  const describe = (v: (typeof results.violations)[number]) =>
    [
      `[${v.impact}] ${v.id}: ${v.help}`,
      `  ${v.helpUrl}`,
      ...v.nodes.map((n) => {
        const summary = (n.failureSummary ?? '').split('\n').join('\n      ');
        return `  - ${n.target.join(' ')}\n      ${summary}`;
      }),
    ].join('\n');

  const minor = results.violations.filter((v) => !BLOCKING.has(v.impact ?? ''));
  if (minor.length) {
    console.warn(`axe: ${minor.length} minor/moderate issue(s) on ${page.url()}:\n${minor.map(describe).join('\n')}`);
  }
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  const report = `axe found ${blocking.length} serious or critical accessibility violation(s) on ${page.url()}:\n\n${blocking.map(describe).join('\n\n')}\n`;
  expect(blocking.length, report).toBe(0);
}

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

/**
 * Runs axe on the page as it is now and fails on any violation, whatever its impact (minor, moderate, serious or
 * critical), listing each with its rule, the elements and how to fix them. The full axe result is attached to the
 * test report.
 */
export async function expectNoA11yViolations(page: Page, options: A11yOptions = {}): Promise<void> {
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

  const violations = results.violations;
  const report = `axe found ${violations.length} accessibility violation(s) on ${page.url()}:\n\n${violations.map(describe).join('\n\n')}\n`;
  expect(violations.length, report).toBe(0);
}

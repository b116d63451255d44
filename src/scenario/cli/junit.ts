// The JUnit XML report (--junit FILE), in the shape Cucumber's junit-xml-formatter writes and CI systems (Jenkins,
// GitLab, GitHub actions that read JUnit, Azure) read: one <testsuite> with the counts, one <testcase> per scenario
// (classname the file, name the title), <failure> or <error> with a message for one that did not pass, and the step
// log in <system-out>.
import type { Lang } from '../text';
import { failureMessage, failureText, plainLog, scenarioStatus } from './report';
import type { RunRecord } from './report';

/**
 * Characters XML 1.0 does not allow at all, even escaped (C0 controls but tab, CR and LF; lone surrogates; U+FFFE and
 * U+FFFF). Written as \u{XXXX} instead, so the report stays readable and well-formed.
 */
const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const visible = (text: string) => text.replace(ILLEGAL, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}}`);

/** Text content: &, < and > escaped (> for "]]>"), CR kept as a reference so parsers do not fold it. */
export function escapeText(text: string): string {
  return visible(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value in double quotes: also the quotes, and tab, CR and LF as references (else they read as spaces). */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

export interface JUnitOptions {
  /** The suite's name. */
  name: string;
  lang: Lang;
  /** When the run started, ISO 8601. */
  timestamp: string;
  /** The whole run, milliseconds. */
  ms: number;
}

export function junitXml(records: readonly RunRecord[], options: JUnitOptions): string {
  const statuses = records.map(scenarioStatus);
  const count = (status: string) => statuses.filter((s) => s === status).length;
  const attrs = (pairs: Record<string, string | number>) => Object.entries(pairs).map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`).join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite${attrs({ name: options.name, tests: records.length, failures: count('failed'), errors: count('error'), skipped: 0, time: seconds(options.ms), timestamp: options.timestamp })}>`,
  ];
  records.forEach((record, index) => {
    const status = statuses[index] ?? 'error';
    lines.push(`  <testcase${attrs({ classname: record.loaded.file, name: record.loaded.scenario.title[options.lang], time: seconds(record.ms) })}>`);
    if (status !== 'passed') {
      const element = status === 'failed' ? 'failure' : 'error';
      const type = status === 'failed' ? 'expectation' : record.run?.worldError ? 'world' : 'step';
      const message = failureMessage(record, options.lang);
      lines.push(`    <${element}${attrs({ message, type })}>${escapeText(failureText(record, options.lang))}</${element}>`);
    }
    lines.push(`    <system-out>${escapeText(plainLog(record, options.lang))}</system-out>`);
    lines.push('  </testcase>');
  });
  lines.push('</testsuite>', '');
  return lines.join('\n');
}

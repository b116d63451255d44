// One rule's own text out of the rule book (docs/rules.md): its heading `### <a id="r-ubc-3"></a>R-UBC-3 Title` up to
// the next heading, as paragraphs and lists of inline pieces (text, code, emphasis, link text, rule ids). Pure: the
// book's text comes in as a string; nothing here renders HTML.

/** A piece of a line: plain text, `code`, **strong**, a link's text (the book's links point into files the app does not serve), or a rule id. */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'rule'; id: string };

export type Block = { kind: 'paragraph'; parts: Inline[] } | { kind: 'list'; items: Inline[][] };

export type RuleText =
  | { ok: true; id: string; title: string; blocks: Block[] }
  | { ok: false; id: string; reason: 'no-such-rule' };

const RULE_ID = /(?<![A-Za-z0-9-])R-[A-Z]+-\d+(?![0-9])/g;
/** A rule's heading: level 2 to 6, an optional anchor, then the id and the title. */
const RULE_HEADING = /^#{2,6}\s+(?:<a id="[^"]*"><\/a>\s*)?(R-[A-Z]+-\d+)\b\s*(.*)$/;
const ANY_HEADING = /^#{1,6}\s/;

/** Every rule id the book defines (has a heading for), in the book's order. */
export function ruleIds(book: string): string[] {
  const ids: string[] = [];
  for (const line of book.split(/\r?\n/)) {
    const match = RULE_HEADING.exec(line);
    if (match?.[1]) ids.push(match[1]);
  }
  return ids;
}

/** A line's inline pieces. Rule ids inside code or a link's text stay as they are written. */
export function inlineParts(line: string): Inline[] {
  const parts: Inline[] = [];
  const text = (value: string) => {
    let at = 0;
    for (const match of value.matchAll(RULE_ID)) {
      if (match.index > at) parts.push({ kind: 'text', text: value.slice(at, match.index) });
      parts.push({ kind: 'rule', id: match[0] });
      at = match.index + match[0].length;
    }
    if (at < value.length) parts.push({ kind: 'text', text: value.slice(at) });
  };
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let at = 0;
  for (const match of line.matchAll(pattern)) {
    if (match.index > at) text(line.slice(at, match.index));
    if (match[1] !== undefined) parts.push({ kind: 'code', text: match[1] });
    else if (match[2] !== undefined) parts.push({ kind: 'strong', text: match[2] });
    else parts.push({ kind: 'link', text: match[3] ?? '', href: match[4] ?? '' });
    at = match.index + match[0].length;
  }
  if (at < line.length) text(line.slice(at));
  return parts;
}

/** The lines of a section as paragraphs (lines joined) and lists ("- " items, with their indented continuation lines). */
function blocksOf(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let items: string[] | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', parts: inlineParts(paragraph.join(' ')) });
    if (items) blocks.push({ kind: 'list', items: items.map(inlineParts) });
    paragraph = [];
    items = null;
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      flush();
      continue;
    }
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (item) {
      if (paragraph.length) flush();
      items ??= [];
      items.push(item[1] ?? '');
    } else if (items && /^\s+\S/.test(line)) {
      items[items.length - 1] += ` ${line.trim()}`;
    } else {
      if (items) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

/** The rule `id`'s section of the book (any case: "r-ubc-3" finds R-UBC-3), or "no such rule". */
export function ruleText(book: string, id: string): RuleText {
  const wanted = id.trim().toUpperCase();
  const lines = book.split(/\r?\n/);
  const start = lines.findIndex((line) => RULE_HEADING.exec(line)?.[1] === wanted);
  if (start < 0) return { ok: false, id: id.trim(), reason: 'no-such-rule' };
  const heading = RULE_HEADING.exec(lines[start] ?? '');
  let end = start + 1;
  while (end < lines.length && !ANY_HEADING.test(lines[end] ?? '')) end++;
  return { ok: true, id: wanted, title: (heading?.[2] ?? '').trim(), blocks: blocksOf(lines.slice(start + 1, end)) };
}

/** The words of an inline run, for a test or a search: what a person reads. */
export function plainText(parts: readonly Inline[]): string {
  return parts.map((part) => (part.kind === 'rule' ? part.id : part.text)).join('');
}

// A small strict XML 1.0 reader for the tests: elements, attributes, text, CDATA, the five predefined entities and
// character references. Throws on anything not well-formed (mismatched tags, a bare & or <, characters XML forbids,
// duplicate attributes, text outside the root), so a report it reads back is one any CI's parser reads.
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  if (/<|&(?![a-z]+;|#\d+;|#x[0-9a-fA-F]+;)/.test(raw)) throw new Error(`bare < or & near ${where}`);
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (_all, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      const char = String.fromCodePoint(code);
      if (ILLEGAL.test(char)) throw new Error(`reference to a character XML forbids near ${where}`);
      return char;
    }
    const value = ENTITIES[ref];
    if (value === undefined) throw new Error(`unknown entity &${ref}; near ${where}`);
    return value;
  });
}

export function parseXml(text: string): XmlElement {
  if (ILLEGAL.test(text)) throw new Error('a character XML 1.0 forbids');
  let at = 0;
  const rest = () => text.slice(at);
  const skipSpace = () => {
    while (/\s/.test(text[at] ?? '')) at++;
  };
  const prolog = /^<\?xml[^?]*\?>/.exec(rest());
  if (prolog) at += prolog[0].length;
  skipSpace();
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const top = (): XmlElement => {
    const element = stack.at(-1);
    if (!element) throw new Error(`content outside the root at ${at}`);
    return element;
  };
  while (at < text.length) {
    if (text.startsWith('<![CDATA[', at)) {
      const end = text.indexOf(']]>', at);
      if (end === -1) throw new Error(`bad CDATA at ${at}`);
      top().text += text.slice(at + 9, end);
      at = end + 3;
    } else if (text.startsWith('</', at)) {
      const match = /^<\/([^\s>]+)\s*>/.exec(rest());
      const open = stack.pop();
      if (!match || !open || open.name !== match[1]) throw new Error(`mismatched end tag at ${at}`);
      at += match[0].length;
      if (!stack.length) root = open;
    } else if (text[at] === '<') {
      at++;
      const name = NAME.exec(rest())?.[0];
      if (!name) throw new Error(`bad tag name at ${at}`);
      if (root) throw new Error('a second root element');
      at += name.length;
      const element: XmlElement = { name, attributes: {}, children: [], text: '' };
      for (;;) {
        skipSpace();
        if (text.startsWith('/>', at) || text[at] === '>') break;
        const attribute = /^([A-Za-z_:][A-Za-z0-9_:.-]*)\s*=\s*"([^"]*)"/.exec(rest());
        if (!attribute) throw new Error(`bad attribute at ${at}`);
        const [all, key = '', value = ''] = attribute;
        if (key in element.attributes) throw new Error(`duplicate attribute ${key}`);
        element.attributes[key] = decode(value, at);
        at += all.length;
      }
      stack.at(-1)?.children.push(element);
      if (text.startsWith('/>', at)) {
        at += 2;
        if (!stack.length) root = element;
      } else {
        at++;
        stack.push(element);
      }
    } else {
      const end = text.indexOf('<', at);
      const raw = text.slice(at, end === -1 ? text.length : end);
      if (!stack.length) {
        if (raw.trim()) throw new Error(`text outside the root at ${at}`);
      } else top().text += decode(raw, at);
      at += raw.length;
    }
  }
  if (stack.length || !root) throw new Error('unclosed element or no root');
  return root;
}

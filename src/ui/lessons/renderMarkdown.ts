// Markdown -> HTML for lesson text, with KaTeX for $inline$ and $$display$$ maths.
// Lesson files are project content, but the output is still made safe: raw HTML in a lesson is shown as text,
// and links may only point to http(s), mailto, in-page anchors or relative paths (no javascript: URLs).
import { Marked, type Tokens, type TokenizerAndRendererExtension } from 'marked';
import katex from 'katex';

const escapeMap: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => escapeMap[c]);
}

function renderMath(tex: string, displayMode: boolean): string {
  // throwOnError: false shows a broken formula in red with its source instead of breaking the lesson.
  return katex.renderToString(tex, { displayMode, throwOnError: false, output: 'htmlAndMathml', strict: 'ignore' });
}

const blockMath: TokenizerAndRendererExtension = {
  name: 'blockMath',
  level: 'block',
  start: (src: string) => src.match(/^\$\$/m)?.index,
  tokenizer(src: string) {
    const m = /^\$\$([\s\S]+?)\$\$[ \t]*(?:\n|$)/.exec(src);
    if (m) return { type: 'blockMath', raw: m[0], text: m[1].trim() };
    return undefined;
  },
  // Focusable so that keyboard users can scroll a formula wider than a phone screen.
  renderer: (token) => `<div class="math-display" tabindex="0">${renderMath(String(token.text), true)}</div>\n`,
};

const inlineMath: TokenizerAndRendererExtension = {
  name: 'inlineMath',
  level: 'inline',
  start: (src: string) => src.indexOf('$') >= 0 ? src.indexOf('$') : undefined,
  tokenizer(src: string) {
    const display = /^\$\$([^$]+?)\$\$/.exec(src);
    if (display) return { type: 'inlineMath', raw: display[0], text: display[1].trim(), display: true };
    const m = /^\$(?!\s)((?:\\.|[^\\$\n])+?)\$/.exec(src);
    if (m) return { type: 'inlineMath', raw: m[0], text: m[1], display: false };
    return undefined;
  },
  renderer: (token) => renderMath(String(token.text), token.display === true),
};

const SAFE_HREF = /^(https?:|mailto:|#|\.{0,2}\/|[\w-]+(\.[\w-]+)*(\/|$|#|\?))/i;

function safeHref(href: string): string | null {
  const h = href.trim();
  return SAFE_HREF.test(h) && !/^javascript:/i.test(h) ? h : null;
}

const md = new Marked({
  gfm: true,
  async: false,
  extensions: [blockMath, inlineMath],
  renderer: {
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    link({ href, title, tokens }: Tokens.Link) {
      const inner = this.parser.parseInline(tokens);
      const safe = safeHref(href);
      if (!safe) return inner;
      const external = /^https?:/i.test(safe);
      const t = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(safe)}"${t}${external ? ' rel="noopener noreferrer" target="_blank"' : ''}>${inner}</a>`;
    },
    // Images would fetch from wherever they point; lessons describe pictures in words or draw them in widgets.
    image: ({ text }: Tokens.Image) => `<span class="muted">[image: ${escapeHtml(text)}]</span>`,
  },
});

/** A block of lesson Markdown to HTML. */
export function renderMarkdown(text: string): string {
  return md.parse(text) as string;
}

/** One line (a quiz question or choice) to inline HTML, without a wrapping paragraph. */
export function renderInline(text: string): string {
  return md.parseInline(text) as string;
}

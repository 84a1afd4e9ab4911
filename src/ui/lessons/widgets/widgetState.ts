// Widget state in the step's link: each widget of a step may keep its inputs in the URL as w<block>.<attribute>
// (e.g. #/lessons/properties/5?w3.a=man&w3.vectors=brown-sg100), so a shared link or a lecture slide reopens the
// widget exactly as it was. Values from a link go through the same schema as the lesson's directive: a bad one is
// ignored and named on the page, never trusted. Pure functions; the page wires them to the route.
import { validateWidgetAttrs, WIDGET_SCHEMAS } from './widgetSchemas';

const PREFIX = 'w';

export function stateKey(block: number, key: string): string {
  return `${PREFIX}${block}.${key}`;
}

/** The link's values for the widget in block `block` of the step. */
export function readWidgetState(params: URLSearchParams, block: number): Record<string, string> {
  const head = `${PREFIX}${block}.`;
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (k.startsWith(head)) out[k.slice(head.length)] = v;
  return out;
}

/** `params` with the widget's keys replaced by `state` (other widgets' keys and other parameters kept). */
export function writeWidgetState(params: URLSearchParams, block: number, state: Record<string, string>): URLSearchParams {
  const head = `${PREFIX}${block}.`;
  const next = new URLSearchParams();
  for (const [k, v] of params) if (!k.startsWith(head)) next.append(k, v);
  for (const [k, v] of Object.entries(state)) next.set(stateKey(block, k), v);
  return next;
}

/** Names some playgrounds report under another key than the directive attribute. */
const ALIASES: Record<string, string> = { keep: 'keepQuery' };

/** What a widget reports, as directive attributes: aliases mapped, 1/0 as true/false, unknown keys dropped. */
export function normaliseReported(name: string, reported: Record<string, string>): Record<string, string> {
  const schema = WIDGET_SCHEMAS[name] ?? {};
  const out: Record<string, string> = {};
  for (const [k0, v0] of Object.entries(reported)) {
    const k = ALIASES[k0] ?? k0;
    const spec = schema[k];
    if (!spec) continue;
    out[k] = spec.type.kind === 'bool' && (v0 === '1' || v0 === '0') ? String(v0 === '1') : v0;
  }
  return out;
}

/** The directive's attributes with the link's values on top; values the schema rejects are left out and listed. */
export function applyLinkState(name: string, props: Record<string, string>, link: Record<string, string>): { attrs: Record<string, string>; ignored: string[] } {
  const attrs = { ...props };
  const ignored: string[] = [];
  for (const [k, v] of Object.entries(link)) {
    const problems = validateWidgetAttrs(name, { ...props, [k]: v });
    if (problems.length > 0) ignored.push(`${k}="${v}"`);
    else attrs[k] = v;
  }
  return { attrs, ignored };
}

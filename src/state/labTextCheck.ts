// The text checks moved to the core (src/core/text/textCheck.ts) so the worker can use them; the page's modules keep
// importing them from here.
export * from '../core/text/textCheck';

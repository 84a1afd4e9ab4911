// Offers the lab's map shortcuts (zoom in/out, fit, next colouring) through the map's own accessible controls, the
// way a user would use them: its keyboard-focusable view answers +, - and 0, and its "Colour by" select lists the
// colourings. So the action table works with the map component as it is, without reaching into its internals.
import { useEffect, type RefObject } from 'react';
import { registerMapCommand } from './mapCommands';

/** Colourings the shortcut cycles through; "your own lists" needs typed lists first, so C skips it. */
const SKIPPED_COLOURINGS = new Set(['custom']);

function mapView(root: HTMLElement | null): HTMLElement | null {
  return root?.querySelector<HTMLElement>('figure[aria-label="Embedding map"] [aria-label^="Map view"]') ?? null;
}

function colourSelect(root: HTMLElement | null): HTMLSelectElement | null {
  const selects = root?.querySelectorAll<HTMLSelectElement>('figure[aria-label="Embedding map"] select') ?? [];
  return [...selects].find((s) => s.labels?.[0]?.textContent?.trim() === 'Colour by') ?? null;
}

/** Choose an option as a user would: React listens for the change event and reads the element's value. */
function chooseOption(select: HTMLSelectElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set;
  setter?.call(select, value);
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

export function useMapCommands(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const key = (k: string) => () => {
      mapView(root.current)?.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    };
    const nextColouring = () => {
      const select = colourSelect(root.current);
      if (!select) return;
      const values = [...select.options].map((o) => o.value).filter((v) => !SKIPPED_COLOURINGS.has(v));
      if (values.length === 0) return;
      const next = values[(values.indexOf(select.value) + 1) % values.length]!;
      chooseOption(select, next);
    };
    const offs = [
      registerMapCommand('zoomIn', key('+')),
      registerMapCommand('zoomOut', key('-')),
      registerMapCommand('fitView', key('0')),
      registerMapCommand('nextColouring', nextColouring),
    ];
    return () => offs.forEach((off) => off());
  }, [root]);
}

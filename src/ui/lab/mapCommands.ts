// Map commands that the lab's shortcuts and buttons trigger but the map component performs (zoom, fit, colour).
// The map registers a handler per command while it is mounted; the action table (labActions.ts) asks here, so the
// lab never reaches into the map's internals and a map without a command shows that shortcut as unavailable.

export const MAP_COMMANDS = ['zoomIn', 'zoomOut', 'fitView', 'nextColouring'] as const;
export type MapCommand = (typeof MAP_COMMANDS)[number];

const handlers = new Map<MapCommand, () => void>();
const listeners = new Set<() => void>();

/** Called by the map: perform `cmd` with `fn` until the returned function is called (on unmount). */
export function registerMapCommand(cmd: MapCommand, fn: () => void): () => void {
  handlers.set(cmd, fn);
  listeners.forEach((l) => l());
  return () => {
    if (handlers.get(cmd) === fn) handlers.delete(cmd);
    listeners.forEach((l) => l());
  };
}

export function hasMapCommand(cmd: MapCommand): boolean {
  return handlers.has(cmd);
}

/** Runs the command if the map offers it; false when it does not. */
export function runMapCommand(cmd: MapCommand): boolean {
  const fn = handlers.get(cmd);
  if (!fn) return false;
  fn();
  return true;
}

/** For the help dialog: re-render when the map's offer changes. */
export function onMapCommandsChange(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

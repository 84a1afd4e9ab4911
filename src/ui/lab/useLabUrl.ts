// Keeps the lab's settings and the URL in step: the link is read on arrival (bad values fall back to defaults with
// a note) and rewritten, without a new history entry, whenever a setting changes.
import { useEffect, useRef } from 'react';
import { configFromParams, configToParams, DEFAULT_LAB_CONFIG, LAB_SETTINGS } from '../../state/labConfig';
import { useLabStore } from '../../state/labStore';
import { parseHash, replaceParams, useRoute } from '../../state/route';

function hasLabParams(p: URLSearchParams): boolean {
  return LAB_SETTINGS.some((s) => p.has(s.key));
}

export function useLabUrl(): void {
  const route = useRoute();
  const written = useRef<string | null>(null);
  const query = route.params.toString();

  // Arrival, or a link pasted into this tab: read the settings from the URL.
  useEffect(() => {
    if (written.current === query) return;
    const s = useLabStore.getState();
    // Back on the lab with a bare link while a model trains: keep the settings of that model.
    if (!hasLabParams(route.params) && s.runningConfig) {
      const p = configToParams(s.config, route.params);
      written.current = p.toString();
      replaceParams(p);
      return;
    }
    const { config, notes } = configFromParams(route.params, DEFAULT_LAB_CONFIG);
    // The user's file cannot come from a link, but it may be in use in this tab.
    if (s.config.corpus === 'file' && s.userFile && !route.params.has('corpus')) config.corpus = 'file';
    s.set({ config, urlNotes: notes });
    const p = configToParams(config, route.params);
    written.current = p.toString();
    replaceParams(p);
  }, [query]); // eslint-disable-line react-hooks/exhaustive-deps

  // Settings changed in the page: write them to the URL.
  useEffect(
    () =>
      useLabStore.subscribe((s, prev) => {
        if (s.config === prev.config) return;
        const p = configToParams(s.config, parseHash(window.location.hash).params);
        written.current = p.toString();
        replaceParams(p);
      }),
    [],
  );
}

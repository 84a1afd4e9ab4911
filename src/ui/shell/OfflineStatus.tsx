// Says when the lab will keep working without a network: the service worker (src/sw/serviceWorker.ts, built labs)
// is active only once it has stored the whole app, so "Ready offline" is shown from then on. While the browser is
// offline it says that the saved copy is in use. When a new version of the lab has been stored and waits for the old
// one's tabs to close, it offers to switch now. Nothing is shown where there is no service worker (dev server,
// insecure origins, browsers that refuse them), rather than a promise the page cannot keep.
import { useEffect, useState } from 'react';

type Readiness = 'none' | 'ready';

export function OfflineStatus() {
  const [readiness, setReadiness] = useState<Readiness>('none');
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);

  useEffect(() => {
    const sw = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
    let cancelled = false;
    // Only a built lab registers a worker (src/main.tsx); elsewhere `ready` never settles and nothing is shown.
    if (sw) {
      void sw.ready.then((registration) => {
        if (cancelled) return;
        setReadiness('ready');
        const check = () => {
          if (!cancelled && registration.waiting && sw.controller) setWaiting(registration.waiting);
        };
        check();
        registration.addEventListener('updatefound', () => {
          registration.installing?.addEventListener('statechange', check);
        });
      });
    }
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      cancelled = true;
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  const switchNow = () => {
    if (!waiting) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  };

  if (readiness === 'none' && online) return null;
  const text = !online ? (readiness === 'ready' ? 'Offline: using the saved copy' : 'Offline') : 'Ready offline';
  const title =
    readiness === 'ready'
      ? 'This browser has stored the lab, its lessons, the shipped vectors and the Brown and toy corpora: it keeps working without a network.'
      : 'No network, and this browser has not stored the lab yet: pages not opened before may not load.';
  return (
    <>
      <span className="offline-status" role="status" title={title}>
        {text}
      </span>
      {waiting && online && (
        <button type="button" onClick={switchNow} title="A new version of the lab has been stored. Switching reloads the page; unsaved training is lost.">
          Update the lab
        </button>
      )}
    </>
  );
}

import { lazy, Suspense, useEffect } from 'react';
import { presentFlag, useRoute } from '../../state/route';
import { useUiStore } from '../../state/uiStore';
import { Header } from './Header';
import { HomePage } from './HomePage';

// Each page is its own chunk: the home page paints before tfjs or plotly are even fetched.
const LabPage = lazy(() => import('../lab/LabPage'));
const LessonsPage = lazy(() => import('../lessons/LessonsPage'));
const PlaygroundsPage = lazy(() => import('../playgrounds/PlaygroundsPage'));

export function App() {
  const route = useRoute();
  const theme = useUiStore((s) => s.theme);
  const presenter = useUiStore((s) => s.presenter);
  const linkPresent = presentFlag(route.params);

  // A link that names presenter mode switches it when it arrives; after that the Presenter button decides.
  useEffect(() => {
    if (linkPresent !== null) useUiStore.getState().presenterFromLink(linkPresent);
  }, [linkPresent]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.classList.toggle('presenter', presenter);
  }, [theme, presenter]);

  let page;
  switch (route.page) {
    case 'lab':
      page = <LabPage />;
      break;
    case 'lessons':
      page = <LessonsPage />;
      break;
    case 'playgrounds':
      page = <PlaygroundsPage />;
      break;
    default:
      page = <HomePage />;
  }
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <Header current={route.page} />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">Loading…</p>}>{page}</Suspense>
      </main>
    </>
  );
}

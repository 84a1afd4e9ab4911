import { useUiStore } from '../../state/uiStore';
import { OfflineStatus } from './OfflineStatus';

const PAGES = [
  { id: 'lab', label: 'Lab' },
  { id: 'lessons', label: 'Lessons' },
  { id: 'playgrounds', label: 'Playgrounds' },
] as const;

export function Header({ current }: { current: string }) {
  const { theme, setTheme, presenter, setPresenter } = useUiStore();
  return (
    <header className="app-header">
      <a className="brand" href="#/">
        Embedding Lab
      </a>
      <nav aria-label="Main">
        <ul>
          {PAGES.map((p) => (
            <li key={p.id}>
              <a href={`#/${p.id}`} aria-current={current === p.id ? 'page' : undefined}>
                {p.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="header-tools">
        <OfflineStatus />
        <button
          type="button"
          aria-pressed={theme === 'dark'}
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          Dark theme
        </button>
        <button type="button" aria-pressed={presenter} onClick={() => setPresenter(!presenter)}>
          Presenter mode
        </button>
      </div>
    </header>
  );
}

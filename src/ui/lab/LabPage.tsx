// The Lab page: controls on the left, live numbers, loss curve, map and neighbours on the right; saving, export and
// the instructor panel below. Composes small components; all actions go through labController.
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { useLabStore } from '../../state/labStore';
import type { ControlGroup } from '../../state/labConfig';
import { setConfig } from '../../state/labController';
import { CorpusPicker } from './CorpusPicker';
import { EnginePicker } from './EnginePicker';
import { ExportPanel } from './ExportPanel';
import { HyperParams } from './HyperParams';
import { InstructorPanel, ShareLink } from './InstructorPanel';
import { handleLabShortcut } from './labActions';
import { LossChart } from './LossChart';
import { MapPanel } from './MapPanel';
import { NeighbourPanel } from './NeighbourPanel';
import { NoticeList } from './NoticeList';
import { SavedModels } from './SavedModels';
import { StatsBar } from './StatsBar';
import { TrainingControls } from './TrainingControls';
import { useLabUrl } from './useLabUrl';
import './lab.css';

// StepThrough.tsx is written by the projection helper; the glob keeps this page building until it lands.
const stepModules = import.meta.glob<{ StepThrough: ComponentType<{ corpus?: string }> }>('../stepper/StepThrough.tsx');
const StepThrough = lazy(async (): Promise<{ default: ComponentType<{ corpus?: string }> }> => {
  const load = Object.values(stepModules)[0];
  if (!load) return { default: () => <p className="error">The step-by-step view is missing from this build.</p> };
  return { default: (await load()).StepThrough };
});

export default function LabPage() {
  useLabUrl();
  const hide = useLabStore((s) => s.config.hide);
  const view = useLabStore((s) => s.config.view);
  const corpus = useLabStore((s) => s.config.corpus);
  const shown = (g: ControlGroup) => !hide.includes(g);

  useEffect(() => {
    window.addEventListener('keydown', handleLabShortcut);
    return () => window.removeEventListener('keydown', handleLabShortcut);
  }, []);

  const stepTab = shown('stepper');
  return (
    <div className="lab">
      <div className="lab-title">
        <h1>Lab</h1>
        {stepTab && (
          <div className="view-tabs" role="group" aria-label="View">
            <button type="button" aria-pressed={view === 'train'} onClick={() => setConfig({ view: 'train' })}>
              Live training
            </button>
            <button type="button" aria-pressed={view === 'step'} onClick={() => setConfig({ view: 'step' })}>
              Step by step
            </button>
          </div>
        )}
        <ShareLink />
      </div>
      <NoticeList />
      {view === 'step' && stepTab ? (
        <Suspense fallback={<p role="status">Loading the step-by-step view…</p>}>
          <StepThrough corpus={corpus.startsWith('toy-') ? corpus : undefined} />
        </Suspense>
      ) : (
        <div className="lab-grid">
          <aside className="lab-controls" aria-label="Lab controls">
            <TrainingControls showSpeed={shown('speed')} />
            {shown('corpus') && <CorpusPicker />}
            {shown('model') && <HyperParams />}
            <EnginePicker showSelect={shown('engine')} />
          </aside>
          <div className="lab-main">
            <StatsBar />
            <div className="lab-plots">
              <MapPanel showSettings={shown('map')} />
              <div className="lab-side-plots">
                {shown('search') && <NeighbourPanel />}
                {shown('loss') && <LossChart />}
              </div>
            </div>
          </div>
        </div>
      )}
      <div className="lab-bottom">
        {shown('models') && <SavedModels />}
        {shown('export') && <ExportPanel />}
        {shown('instructor') && <InstructorPanel />}
      </div>
    </div>
  );
}

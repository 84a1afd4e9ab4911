// The Lab page: controls on the left, live numbers, loss curve, map and neighbours on the right; saving, export and
// the instructor panel below. Composes small components; all actions go through labController.
import { useEffect } from 'react';
import { useLabStore } from '../../state/labStore';
import type { ControlGroup } from '../../state/labConfig';
import { setConfig } from '../../state/labController';
import { CooccurrenceView } from './CooccurrenceView';
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
import { StepThrough } from '../stepper/StepThrough';
import './lab.css';


export default function LabPage() {
  useLabUrl();
  const hide = useLabStore((s) => s.config.hide);
  const view = useLabStore((s) => s.config.view);
  const corpus = useLabStore((s) => s.config.corpus);
  const shown = (g: ControlGroup) => !hide.includes(g);

  // Presenter keys drive live training; the step-by-step view has its own buttons, so they rest there.
  useEffect(() => {
    if (view !== 'train') return;
    window.addEventListener('keydown', handleLabShortcut);
    return () => window.removeEventListener('keydown', handleLabShortcut);
  }, [view]);

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
        <StepThrough corpus={corpus.startsWith('toy-') ? corpus : undefined} />
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
                {shown('loss') && <CooccurrenceView />}
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

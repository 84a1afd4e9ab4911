// The Lab page, in two layouts over the same components:
// - the desk: controls on the left, live numbers, map, neighbours and loss curve on the right, saving, export and
//   the instructor panel below;
// - the stage (presenter mode): a slim bar of buttons and numbers, the map and the loss curve filling the screen,
//   everything else in a drawer that a button (or D) opens.
// In both, CSS grid areas collapse when `hide=` removes what they hold, so the map takes the freed space.
import { useEffect, useState } from 'react';
import { useLabStore } from '../../state/labStore';
import type { ControlGroup } from '../../state/labConfig';
import { setConfig } from '../../state/labController';
import { useUiStore } from '../../state/uiStore';
import { CooccurrenceView } from './CooccurrenceView';
import { PredictionsView } from './PredictionsView';
import { CorpusPicker } from './CorpusPicker';
import { EnginePicker } from './EnginePicker';
import { ExportPanel } from './ExportPanel';
import { HyperParams } from './HyperParams';
import { InstructorPanel, ShareLink } from './InstructorPanel';
import { handleLabShortcut } from './labActions';
import { LossChart } from './LossChart';
import { MapPanel, MapSettings } from './MapPanel';
import { NeighbourPanel } from './NeighbourPanel';
import { NoticeList } from './NoticeList';
import { SavedModels } from './SavedModels';
import { ShortcutHelp, ShortcutHelpButton } from './ShortcutHelp';
import { StatsBar } from './StatsBar';
import { SpeedSelect, TrainingButtons, TrainingControls } from './TrainingControls';
import { useLabUrl } from './useLabUrl';
import { StepThrough } from '../stepper/StepThrough';
import './lab.css';

/** The class on <html> while the stage layout holds the page: the page stops scrolling and the lab fills it. */
const STAGE_CLASS = 'presenter-stage';
const DRAWER_ID = 'lab-settings-drawer';

export default function LabPage() {
  useLabUrl();
  const hide = useLabStore((s) => s.config.hide);
  const view = useLabStore((s) => s.config.view);
  const corpus = useLabStore((s) => s.config.corpus);
  const presenter = useUiStore((s) => s.presenter);
  // Hiding the instructor panel is for the shared link; whoever ticked it can always bring it back in this tab.
  const [instructorShown, setInstructorShown] = useState(false);
  const shown = (g: ControlGroup) => !hide.includes(g);
  const stage = presenter && view === 'train';

  // Keys drive live training; the step-by-step view has its own keys (see StepThrough).
  useEffect(() => {
    if (view !== 'train') return;
    window.addEventListener('keydown', handleLabShortcut);
    return () => window.removeEventListener('keydown', handleLabShortcut);
  }, [view]);

  useEffect(() => {
    document.documentElement.classList.toggle(STAGE_CLASS, stage);
    return () => document.documentElement.classList.remove(STAGE_CLASS);
  }, [stage]);

  const stepTab = shown('stepper');
  const side = shown('search') || shown('loss');
  const instructor = shown('instructor') || instructorShown ? (
    <InstructorPanel onHideSelf={() => setInstructorShown(true)} />
  ) : (
    <div className="instructor-hidden">
      <button type="button" className="link-button" onClick={() => setInstructorShown(true)}>
        Show instructor panel
      </button>
      <span className="small muted"> (hidden in this link)</span>
    </div>
  );
  const viewTabs = stepTab && (
    <div className="view-tabs" role="group" aria-label="View">
      <button type="button" aria-pressed={view === 'train'} onClick={() => setConfig({ view: 'train' })}>
        Live training
      </button>
      <button type="button" aria-pressed={view === 'step'} onClick={() => setConfig({ view: 'step' })}>
        Step by step
      </button>
    </div>
  );
  const title = stage ? (
    <h1 className="visually-hidden">Lab</h1>
  ) : (
    <div className="lab-title">
      <h1>Lab</h1>
      {viewTabs}
      <ShareLink />
      <ShortcutHelpButton />
    </div>
  );
  if (stage) {
    return (
      <div className="lab lab-stage">
        <div className="stage-bar" role="group" aria-label="Training controls">
          {title}
          <TrainingButtons />
          <StatsBar />
          <DrawerButton />
          <ShortcutHelpButton />
        </div>
        <NoticeList />
        <div className={side ? 'stage-area' : 'stage-area no-side'}>
          <MapPanel showSettings={false} />
          {side && (
            <div className="stage-side">
              {shown('loss') && <LossChart />}
              {shown('search') && <NeighbourPanel />}
            </div>
          )}
        </div>
        <SettingsDrawer>
          {viewTabs}
          {shown('speed') && <SpeedSelect />}
          {shown('corpus') && <CorpusPicker />}
          {shown('model') && <HyperParams />}
          <EnginePicker showSelect={shown('engine')} />
          {shown('map') && <MapSettings />}
          {shown('models') && <SavedModels />}
          {shown('export') && <ExportPanel />}
          <ShareLink />
          {instructor}
        </SettingsDrawer>
        <ShortcutHelp />
      </div>
    );
  }

  const slimControls = !shown('corpus') && !shown('model') && !shown('engine');
  return (
    <div className="lab">
      {title}
      <NoticeList />
      {view === 'step' && stepTab ? (
        <StepThrough corpus={corpus.startsWith('toy-') ? corpus : undefined} />
      ) : (
        <div className={slimControls ? 'lab-grid slim-controls' : 'lab-grid'}>
          <aside className="lab-controls" aria-label="Lab controls">
            <TrainingControls showSpeed={shown('speed')} />
            {shown('corpus') && <CorpusPicker />}
            {shown('model') && <HyperParams />}
            <EnginePicker showSelect={shown('engine')} />
          </aside>
          <div className="lab-main">
            <StatsBar />
            <div className={side ? 'lab-plots' : 'lab-plots no-side'}>
              <MapPanel showSettings={shown('map')} />
              {side && (
                <div className="lab-side-plots">
                  {shown('search') && <NeighbourPanel />}
                  {shown('loss') && <LossChart />}
                  {shown('loss') && <CooccurrenceView />}
                  {shown('loss') && <PredictionsView />}
                </div>
              )}
            </div>
          </div>
        </div>
      )}
      <div className="lab-bottom">
        {shown('models') && <SavedModels />}
        {shown('export') && <ExportPanel />}
        {instructor}
      </div>
      <ShortcutHelp />
    </div>
  );
}

function DrawerButton() {
  const open = useUiStore((s) => s.drawerOpen);
  const setOpen = useUiStore((s) => s.setDrawerOpen);
  return (
    <button type="button" aria-expanded={open} aria-controls={DRAWER_ID} onClick={() => setOpen(!open)} title="Settings (D)">
      Settings
    </button>
  );
}

/** Presenter mode's settings: off-screen until opened; Escape or the Close button puts them away. */
function SettingsDrawer({ children }: { children: React.ReactNode }) {
  const open = useUiStore((s) => s.drawerOpen);
  const setOpen = useUiStore((s) => s.setDrawerOpen);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !useUiStore.getState().helpOpen) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, setOpen]);
  return (
    <section id={DRAWER_ID} className="stage-drawer lab-controls" aria-label="Lab settings" hidden={!open}>
      <div className="button-row">
        <h2 className="small-heading">Settings</h2>
        <button type="button" onClick={() => setOpen(false)}>
          Close settings
        </button>
      </div>
      {children}
    </section>
  );
}

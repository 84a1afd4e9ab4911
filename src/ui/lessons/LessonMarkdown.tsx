// Renders one step of a lesson: Markdown text (with KaTeX), widgets from the registry, self-checks, and error
// boxes for anything the parser could not read. Each widget sits in its own error boundary and Suspense.
import { memo, Suspense, useCallback, useMemo, useState } from 'react';
import 'katex/dist/katex.min.css';
import { predictionGates, type Lesson, type LessonBlock } from './lessonParser';
import { useLessonsStore } from './lessonsStore';
import { useUiStore } from '../../state/uiStore';
import { parseHash, replaceParams, useRoute } from '../../state/route';
import { applyLinkState, normaliseReported, readWidgetState, writeWidgetState } from './widgets/widgetState';
import { usePollStore } from './pollStore';
import { renderMarkdown } from './renderMarkdown';
import { Quiz } from './Quiz';
import { WidgetBoundary } from './WidgetBoundary';
import { WIDGETS } from './widgets/registry';
import { PinnedVectorsFrame } from './widgets/PinnedVectorsFrame';
import { WIDGET_SCHEMAS } from './widgets/widgetSchemas';

const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  return <div className="lesson-md" dangerouslySetInnerHTML={{ __html: html }} />;
});

/** Speaker notes: only in presenter view (header button or ?present=1), never on a student's screen. */
function SpeakerNotes({ text }: { text: string }) {
  const presenter = useUiStore((st) => st.presenter);
  const presentParam = useRoute().params.get('present') === '1';
  if (!presenter && !presentParam) return null;
  return (
    <aside className="speaker-notes" aria-label="Speaker notes">
      <strong>Speaker notes</strong>
      <MarkdownBlock text={text} />
    </aside>
  );
}

function Block({ block, lesson, poll, index }: { block: LessonBlock; lesson: Lesson; poll: boolean; index: number }) {
  switch (block.kind) {
    case 'markdown':
      return <MarkdownBlock text={block.text} />;
    case 'quiz':
      return <Quiz quiz={block.quiz} lessonId={lesson.id} poll={poll} />;
    case 'notes':
      return <SpeakerNotes text={block.text} />;
    case 'error':
      return (
        <div className="lesson-error" role="alert">
          {block.message}
        </div>
      );
    case 'widget':
      return <WidgetBlock block={block} lesson={lesson} index={index} />;
  }
}

function WidgetBlock({ block, lesson, index }: { block: Extract<LessonBlock, { kind: 'widget' }>; lesson: Lesson; index: number }) {
  const route = useRoute();
  // The link's widget state is read once, when the widget opens; afterwards the widget owns its inputs and writes
  // them back to the link (without a new history entry).
  const [initial] = useState(() => applyLinkState(block.name, block.props, readWidgetState(route.params, index)));
  const onState = useCallback(
    (reported: Record<string, string>) => {
      const params = parseHash(window.location.hash).params;
      const state = normaliseReported(block.name, reported);
      // Most widgets cannot change their vectors themselves, so they do not report them; a link that chose other
      // vectors must keep saying so after the student changes another input.
      const chosen = initial.attrs.vectors;
      if (chosen !== undefined && state.vectors === undefined && chosen !== block.props.vectors) state.vectors = chosen;
      replaceParams(writeWidgetState(params, index, state));
    },
    [block.name, block.props.vectors, index, initial.attrs.vectors],
  );
  const entry = WIDGETS[block.name];
  const where = `${lesson.file}, line ${block.line}`;
  if (!entry) {
    return (
      <div className="lesson-error" role="alert">
        {where}: there is no widget called "{block.name}"
      </div>
    );
  }
  const W = entry.component;
  const inner = (
    <Suspense fallback={<p role="status">Loading the widget…</p>}>
      <W attrs={initial.attrs} lessonId={lesson.id} onState={onState} />
    </Suspense>
  );
  const usesVectors = !!WIDGET_SCHEMAS[block.name]?.vectors;
  return (
    <section className="widget" aria-label={`${entry.title} (widget)`} data-widget={block.name}>
      <h3 className="widget-title">{entry.title}</h3>
      <WidgetBoundary where={where}>
        {initial.ignored.length > 0 && (
          <p role="alert">
            This link set {initial.ignored.join(', ')}, which this widget does not accept: the lesson's values are used.
          </p>
        )}
        {usesVectors ? <PinnedVectorsFrame spec={initial.attrs.vectors ?? 'lab'}>{inner}</PinnedVectorsFrame> : inner}
      </WidgetBoundary>
    </section>
  );
}

function HiddenUntilPredicted() {
  return (
    <section className="widget widget-hidden" aria-label="Widget hidden until you predict">
      <p role="status">Commit to a prediction in the self-check above first (or reveal it, in poll mode): this widget then shows what the vectors say.</p>
    </section>
  );
}

export function LessonStepView({ lesson, step }: { lesson: Lesson; step: number }) {
  const s = lesson.steps[step];
  const answered = useLessonsStore((st) => st.progress[lesson.id]?.quizzes);
  const gates = useMemo(() => predictionGates(s), [s]);
  const poll = useRoute().params.get('poll') === '1';
  const revealed = usePollStore((st) => st.revealed);
  return (
    <div className="lesson-step">
      {s.blocks.map((b, i) => {
        const gate = gates.get(i);
        if (gate && !answered?.[gate] && !revealed[gate]) return <HiddenUntilPredicted key={`${step}-${i}`} />;
        return <Block key={`${step}-${i}`} block={b} lesson={lesson} poll={poll} index={i} />;
      })}
    </div>
  );
}

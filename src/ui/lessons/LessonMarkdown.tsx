// Renders one step of a lesson: Markdown text (with KaTeX), widgets from the registry, self-checks, and error
// boxes for anything the parser could not read. Each widget sits in its own error boundary and Suspense.
import { memo, Suspense, useMemo } from 'react';
import 'katex/dist/katex.min.css';
import { predictionGates, type Lesson, type LessonBlock } from './lessonParser';
import { useLessonsStore } from './lessonsStore';
import { useUiStore } from '../../state/uiStore';
import { useRoute } from '../../state/route';
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
  if (!presenter) return null;
  return (
    <aside className="speaker-notes" aria-label="Speaker notes">
      <strong>Speaker notes</strong>
      <MarkdownBlock text={text} />
    </aside>
  );
}

function Block({ block, lesson, poll }: { block: LessonBlock; lesson: Lesson; poll: boolean }) {
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
    case 'widget': {
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
          <W attrs={block.props} lessonId={lesson.id} />
        </Suspense>
      );
      const usesVectors = !!WIDGET_SCHEMAS[block.name]?.vectors;
      return (
        <section className="widget" aria-label={`${entry.title} (widget)`} data-widget={block.name}>
          <h3 className="widget-title">{entry.title}</h3>
          <WidgetBoundary where={where}>
            {usesVectors ? <PinnedVectorsFrame spec={block.props.vectors ?? 'lab'}>{inner}</PinnedVectorsFrame> : inner}
          </WidgetBoundary>
        </section>
      );
    }
  }
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
        return <Block key={`${step}-${i}`} block={b} lesson={lesson} poll={poll} />;
      })}
    </div>
  );
}

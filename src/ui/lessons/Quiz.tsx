// A self-check with immediate feedback. Choices are radio buttons (arrow keys move between them); numeric answers
// are typed. The result is saved in the lesson progress, so a correct answer is still marked after a reload.
import { useId, useState, type FormEvent } from 'react';
import { checkNumeric, type QuizSpec } from './quizParser';
import { renderInline } from './renderMarkdown';
import { useLessonsStore } from './lessonsStore';
import { usePollStore } from './pollStore';

type Feedback = { kind: 'correct' | 'wrong' | 'invalid'; text: string } | null;

function Html({ html, as: Tag = 'span', className }: { html: string; as?: 'span' | 'div' | 'legend'; className?: string }) {
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** After an answer: why each choice is right or wrong, not only the one picked. */
function AllExplanations({ quiz, open = false }: { quiz: Extract<QuizSpec, { kind: 'choice' }>; open?: boolean }) {
  return (
    <details className="quiz-all" open={open}>
      <summary>Why each answer is right or wrong</summary>
      <ul aria-label="Every answer explained">
        {quiz.choices.map((c, i) => (
          <li key={i}>
            <strong>{c.correct ? '✓' : '✗'}</strong> <Html html={renderInline(c.text)} />
            {c.explanation && (
              <>
                {' '}
                — <Html html={renderInline(c.explanation)} />
              </>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Poll mode: the question and choices for the room, no feedback until the instructor reveals the answer. */
function PollQuiz({ quiz }: { quiz: QuizSpec }) {
  const uid = useId();
  const revealed = usePollStore((s) => !!s.revealed[quiz.id]);
  const reveal = usePollStore((s) => s.reveal);
  return (
    <div className="quiz" role="group" aria-labelledby={`${uid}-q`} data-quiz-id={quiz.id} data-poll="1">
      <div className="quiz-head">
        <span className="quiz-tag">{quiz.predict ? 'Predict, then run' : 'Self-check'} · poll</span>
      </div>
      <Html as="div" className="quiz-question" html={renderInline(quiz.question)} />
      <span id={`${uid}-q`} hidden>
        Poll: {quiz.question.replace(/\$/g, '')}
      </span>
      {quiz.kind === 'choice' ? (
        <ol type="A" aria-label="Choices">
          {quiz.choices.map((c, i) => (
            <li key={i} className={revealed && c.correct ? 'ok' : undefined}>
              <Html html={renderInline(c.text)} />
              {revealed && <strong aria-label={c.correct ? 'right answer' : 'wrong answer'}>{c.correct ? ' ✓' : ' ✗'}</strong>}
            </li>
          ))}
        </ol>
      ) : (
        <p className="quiz-poll-note">Ask for a number{quiz.unit ? ` (${quiz.unit})` : ''}.</p>
      )}
      {revealed ? (
        <div role="status" aria-label="Revealed answer">
          {quiz.kind === 'choice' ? (
            <AllExplanations quiz={quiz} open />
          ) : (
            <p>
              <strong>Answer: {quiz.answer.toLocaleString('en')}{quiz.unit ? ` ${quiz.unit}` : ''}.</strong> <Html html={renderInline(quiz.right)} />
            </p>
          )}
        </div>
      ) : (
        <div>
          <p className="quiz-poll-note">Poll the room first: the answer stays hidden until you reveal it.</p>
          <button type="button" className="primary" onClick={() => reveal(quiz.id)}>
            Reveal the answer
          </button>
        </div>
      )}
    </div>
  );
}

export function Quiz({ quiz, lessonId, poll = false }: { quiz: QuizSpec; lessonId: string; poll?: boolean }) {
  return poll ? <PollQuiz quiz={quiz} /> : <AnswerQuiz quiz={quiz} lessonId={lessonId} />;
}

function AnswerQuiz({ quiz, lessonId }: { quiz: QuizSpec; lessonId: string }) {
  const uid = useId();
  const saved = useLessonsStore((s) => s.progress[lessonId]?.quizzes[quiz.id]);
  const recordQuiz = useLessonsStore((s) => s.recordQuiz);
  const [choice, setChoice] = useState<number | null>(null);
  const [typed, setTyped] = useState('');
  const [feedback, setFeedback] = useState<Feedback>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (quiz.kind === 'choice') {
      if (choice === null) {
        setFeedback({ kind: 'invalid', text: 'Pick one of the answers first.' });
        return;
      }
      const c = quiz.choices[choice];
      const extra = c.correct ? quiz.right : quiz.wrong;
      setFeedback({ kind: c.correct ? 'correct' : 'wrong', text: [c.explanation, extra].filter(Boolean).join(' ') });
      recordQuiz(lessonId, quiz.id, c.correct);
    } else {
      if (typed.trim() === '') {
        setFeedback({ kind: 'invalid', text: 'Type a number first.' });
        return;
      }
      const ok = checkNumeric(quiz, typed);
      if (ok === null) {
        setFeedback({ kind: 'invalid', text: `"${typed}" is not a number. Write digits, e.g. 42 or 0.5 or 1e4.` });
        return;
      }
      setFeedback({ kind: ok ? 'correct' : 'wrong', text: ok ? quiz.right : quiz.wrong });
      recordQuiz(lessonId, quiz.id, ok);
    }
  };

  const heading = feedback?.kind === 'correct' ? 'Correct.' : feedback?.kind === 'wrong' ? 'Not quite.' : '';
  return (
    <form className="quiz" onSubmit={submit} aria-labelledby={`${uid}-q`} data-quiz-id={quiz.id}>
      <div className="quiz-head">
        <span className="quiz-tag">{quiz.predict ? 'Predict, then run' : 'Self-check'}</span>
        {saved === 'correct' && (
          <span className="quiz-done ok" aria-label="Answered correctly before">
            ✓ answered correctly
          </span>
        )}
      </div>
      <Html as="div" className="quiz-question" html={renderInline(quiz.question)} />
      <span id={`${uid}-q`} hidden>
        Self-check: {quiz.question.replace(/\$/g, '')}
      </span>
      {quiz.kind === 'choice' ? (
        <fieldset>
          <legend className="visually-hidden">Answers</legend>
          {quiz.choices.map((c, i) => (
            <label key={i} className="quiz-choice">
              <input
                type="radio"
                name={`${uid}-choice`}
                checked={choice === i}
                onChange={() => {
                  setChoice(i);
                  setFeedback(null);
                }}
              />{' '}
              <Html html={renderInline(c.text)} />
            </label>
          ))}
        </fieldset>
      ) : (
        <label className="quiz-numeric">
          Your answer{quiz.unit ? ` (${quiz.unit})` : ''}{' '}
          <input
            type="text"
            inputMode="decimal"
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              setFeedback(null);
            }}
          />
        </label>
      )}
      <div>
        <button type="submit" className="primary">
          Check answer
        </button>
      </div>
      <div aria-live="polite" className={`quiz-feedback ${feedback?.kind ?? ''}`} role="status">
        {feedback && (
          <>
            {heading && <strong>{heading} </strong>}
            <Html html={renderInline(feedback.text || (feedback.kind === 'correct' ? 'Well done.' : 'Try again.'))} />
          </>
        )}
      </div>
      {quiz.kind === 'choice' && feedback && feedback.kind !== 'invalid' && <AllExplanations quiz={quiz} />}
    </form>
  );
}

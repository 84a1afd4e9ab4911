// A labelled text field for one word, with suggestions from the active vocabulary (a native <datalist>, so the
// keyboard, screen readers and phones all work) and a note when the word is not in the vocabulary.
import { useId, useMemo } from 'react';
import type { KeyedVectors } from '../../core/vectors/keyedVectors';
import { resolveWord, suggest } from './words';

export function WordInput(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  kv: KeyedVectors | null;
  placeholder?: string;
  size?: number;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const noteId = `${id}-note`;
  const options = useMemo(() => suggest(props.kv, props.value), [props.kv, props.value]);
  const unknown = props.kv !== null && props.value.trim() !== '' && resolveWord(props.kv, props.value) === null;
  return (
    <span className="word-input">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        list={listId}
        value={props.value}
        placeholder={props.placeholder}
        size={props.size ?? 12}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        aria-invalid={unknown || undefined}
        aria-describedby={unknown ? noteId : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <datalist id={listId}>
        {options.map((w) => (
          <option key={w} value={w} />
        ))}
      </datalist>
      {unknown && (
        <small id={noteId} className="error">
          not in vocabulary
        </small>
      )}
    </span>
  );
}

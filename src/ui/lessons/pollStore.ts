// Poll-and-reveal (?poll=1 on a lesson or lecture link): self-checks show their question and choices but no
// feedback, so a lecturer can poll the room first; "Reveal the answer" then shows the right choice and every
// explanation, and opens a widget that waited for that prediction. Reveals last for this tab only.
import { create } from 'zustand';

interface PollState {
  revealed: Record<string, true>;
  reveal: (quizId: string) => void;
}

export const usePollStore = create<PollState>((set) => ({
  revealed: {},
  reveal: (quizId) => set((s) => ({ revealed: { ...s.revealed, [quizId]: true } })),
}));

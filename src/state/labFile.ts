// Reading the user's own .txt (picker or drag and drop) in the page, with progress, and refusing what is not text
// before anything else changes: a broken file leaves the corpus, the model and the map as they were.
import { acceptUserFile } from './labController';
import { useLabStore } from './labStore';
import { checkTextBytes, checkTextSize, SNIFF_BYTES, spacingOf, spacingWarning, TextInputError } from './labTextCheck';

/** What the page calls the character split in its warning (the CLI says --split-characters). */
export const SPLIT_OPTION_LABEL = '"One character per word"';

function readWithProgress(file: File, onProgress: (f: number) => void): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(new TextInputError(`${file.name} could not be read (${r.error?.message ?? 'unknown error'}).`));
    r.readAsArrayBuffer(file);
  });
}

/** Returns true when the file was accepted (and selected as the corpus). */
export async function chooseUserFile(file: File): Promise<boolean> {
  const s = useLabStore.getState();
  s.set({ fileError: null });
  try {
    checkTextSize(file.name, file.size);
    s.set({ fileReading: { name: file.name, fraction: 0 } });
    const bytes = await readWithProgress(file, (fraction) => useLabStore.getState().set({ fileReading: { name: file.name, fraction } }));
    checkTextSize(file.name, bytes.byteLength);
    // The head is enough to tell text from binary; the worker checks the whole file when it decodes it.
    const head = new Uint8Array(bytes, 0, Math.min(bytes.byteLength, SNIFF_BYTES));
    checkTextBytes(file.name, head, bytes.byteLength <= SNIFF_BYTES);
    const headText = new TextDecoder().decode(head);
    if (!/\S/.test(headText)) throw new TextInputError(`${file.name} holds only white space: there are no words to learn from.`);
    // Chinese, Japanese or any text without spaces would train on whole clauses: say so before training, with the
    // same check and words as the CLI.
    const spacing = spacingOf(headText);
    const warning = spacingWarning(file.name, spacing, SPLIT_OPTION_LABEL) ?? undefined;
    acceptUserFile(file, bytes);
    useLabStore.getState().set({
      fileReading: null,
      userFile: { name: file.name, size: file.size, spacingWarning: warning, canSplitCharacters: spacing.canSplitCharacters, splitCharacters: false },
    });
    useLabStore.getState().setConfig({ corpus: 'file' });
    return true;
  } catch (e) {
    const message = e instanceof TextInputError ? e.message : `${file.name} could not be read: ${(e as Error).message}`;
    useLabStore.getState().set({ fileReading: null, fileError: message });
    return false;
  }
}

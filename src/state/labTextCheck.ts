// The text check now lives in the core (src/core/text/textCheck.ts) so that the command line uses the same one;
// the page's modules keep importing it from here.
export {
  checkTextBytes,
  checkTextSize,
  decodeText,
  MAX_TEXT_BYTES,
  SNIFF_BYTES,
  spacingOf,
  spacingWarning,
  splitCharacters,
  TextInputError,
} from '../core/text/textCheck';

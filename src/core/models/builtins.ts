// The models the lab ships with: one registration line each. Importing this module (index.ts does) fills the
// registry; a new model adds its own files and one line here.
import { registerModel } from './registry';
import { FASTTEXT_SPEC } from './fasttext/fastTextSpec';
import { GLOVE_SPEC } from './glove/gloveSpec';
import { MLM_SPEC } from './contextual/mlmSpec';
import { CBOW_SPEC, SKIPGRAM_SPEC } from './word2vec/word2vecSpec';
import { MULTIMODAL_SPEC } from './multimodal/multimodalSpec';

registerModel(SKIPGRAM_SPEC);
registerModel(CBOW_SPEC);
registerModel(GLOVE_SPEC);
registerModel(FASTTEXT_SPEC);
registerModel(MLM_SPEC);
registerModel(MULTIMODAL_SPEC);

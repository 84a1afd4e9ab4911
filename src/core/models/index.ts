// The registry with the built-in models registered: import models from here, not from registry.ts, unless a test
// wants an empty registry.
import './builtins';

export * from './registry';

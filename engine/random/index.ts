export { philox4x32 } from './philox.js';
export { mix32, keyedHash32 } from './hash32.js';
export { RandomStream } from './streams.js';
export { checkSeed, fillUniforms, randomBlock, uniformAt, unitFromWords } from './uniform.js';
export { MAX_PERMUTATION_SIZE, PERMUTATION_KEY_WORDS, permutationKeys, permutedIndex } from './permutation.js';

// Types for seeded-random.mjs, for the TypeScript tests that share it.
export declare function createRandom(seed: number): () => number;

// The shape a translation must have: the same keys as the English text, strings for strings, same-argument functions for functions.
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : T[K] extends string ? string : Translation<T[K]>;
};

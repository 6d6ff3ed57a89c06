// A read by index where the code knows the item is there, said once and checked: a read past the
// end is a bug of the tool, never of its input, so it throws at once instead of passing
// `undefined` on to fail somewhere else. Below every layer, so the engine may use it too.

/** `items[index]`, which the caller knows is there (a whole 0 <= index < length); an internal error where it is not. */
export function itemAt<T>(items: ArrayLike<T>, index: number): T {
  if (!(Number.isInteger(index) && index >= 0 && index < items.length)) throw new Error(`internal error: no item ${index} of ${items.length}`);
  return items[index] as T;
}

/** A comparator: the greatest key first (keys compared part by part as strings, e.g. ISO dates). */
export function newestFirst<T>(key: (item: T) => string[]): (a: T, b: T) => number {
  return (a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) {
      const order = kb[i].localeCompare(ka[i]);
      if (order !== 0) return order;
    }
    return 0;
  };
}

/**
 * Runs `pass` one at a time: asked while a pass runs, it runs once more after it (so what was
 * written meanwhile goes too), however many times it was asked. Resolves when the passes end.
 */
export function oneAtATime(pass: () => Promise<void>): () => Promise<void> {
  let busy: Promise<void> | null = null;
  let again = false;
  return () => {
    if (busy) {
      again = true;
      return busy;
    }
    busy = (async () => {
      do {
        again = false;
        await pass();
      } while (again);
    })().finally(() => {
      busy = null;
    });
    return busy;
  };
}

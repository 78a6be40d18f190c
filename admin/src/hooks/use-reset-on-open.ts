import { useState } from 'react';

/**
 * Calls `reset` in the render where `open` turns true, so each opening of a dialog starts from a
 * fresh form rather than the last opening's input and errors. State set during render, as React
 * recommends for state derived from a prop change: no effect, no frame with the stale form.
 */
export const useResetOnOpen = (open: boolean, reset: () => void) => {
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) reset();
  }
};

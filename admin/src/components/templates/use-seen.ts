import { useEffect, useState, type RefObject } from 'react';

/**
 * True once the element has come near the viewport, and from then on: a gallery renders the
 * thumbnails a reader scrolls to, not all of them at once. Where IntersectionObserver is missing,
 * at once.
 */
export const useSeen = (ref: RefObject<Element | null>) => {
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (seen || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
      },
      { rootMargin: '200px' }
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, seen]);
  return seen;
};

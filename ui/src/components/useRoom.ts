import { useEffect, type RefObject } from "react";

/**
 * Tells `onRoom` the inner size of the element (less its 12 px padding on
 * each side) now and whenever it changes: the process views lay their map
 * out again for the room they have.
 */
export function useRoom(ref: RefObject<HTMLElement | null>, onRoom: (width: number, height: number) => void): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => onRoom(el.clientWidth - 24, el.clientHeight - 24);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
    // The callback is a store method: stable.
  }, [ref]);
}

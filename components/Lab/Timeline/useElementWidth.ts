import { useLayoutEffect, useRef, useState } from 'react'

/**
 * The width of an element in CSS pixels, kept current. The Timeline draws its SVGs at exactly this
 * width (viewBox = size on screen), so its 12 px labels stay 12 px on a phone instead of being
 * scaled down with a fixed-width drawing.
 */
export function useElementWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null)
  const [width, setWidth] = useState(fallback)
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = () => {
      const next = Math.round(element.getBoundingClientRect().width)
      if (next > 0) setWidth(next)
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return [ref, width] as const
}

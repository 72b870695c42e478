/**
 * Nextra's `<Tabs>` without Headless UI: the same markup and classes (so it looks and behaves the same),
 * a fraction of the JavaScript (Nextra's Tabs put ~3.9 kB gzip into every page that used them).
 * lib/mdx/recma-light-tabs.mjs maps `import { Tabs } from 'nextra/components'` in MDX pages to this,
 * so lesson authors write Nextra's usual `<Tabs items={[…]}><Tabs.Tab>…</Tabs.Tab></Tabs>`.
 *
 * Every panel is rendered, the hidden ones with `hidden` (as Nextra's `unmount={false}` does), so the
 * static HTML holds all of them and a reader without JavaScript sees the first.
 * Keyboard: the WAI-ARIA tabs pattern with automatic activation (arrows, Home, End).
 * Hover and the focus ring are CSS (Tabs.module.css, Nextra's `nextra-focus` class), not React state.
 */
import {
  Children,
  createContext,
  isValidElement,
  useContext,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import styles from './Tabs.module.css'

const cn = (...classes: Array<string | false | undefined>) => classes.filter(Boolean).join(' ')

type TabItem = string | { label: ReactNode; disabled?: boolean }

const PanelContext = createContext<{ selected: boolean; id: string; labelledBy: string }>({
  selected: true,
  id: '',
  labelledBy: '',
})

function TabsRoot({
  items,
  children,
  defaultIndex = 0,
  className,
  tabClassName,
}: {
  items: TabItem[]
  children: ReactNode
  defaultIndex?: number
  className?: string
  tabClassName?: string
}) {
  const [selected, setSelected] = useState(defaultIndex)
  const buttons = useRef<Array<HTMLButtonElement | null>>([])
  const base = useId()
  const enabled = items.map((item) => !(typeof item === 'object' && item.disabled))

  const select = (index: number) => {
    setSelected(index)
    buttons.current[index]?.focus()
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const order = items.map((_, index) => index).filter((index) => enabled[index])
    const at = order.indexOf(selected)
    const next = {
      ArrowRight: order[(at + 1) % order.length],
      ArrowLeft: order[(at - 1 + order.length) % order.length],
      Home: order[0],
      End: order[order.length - 1],
    }[event.key]
    if (next === undefined) return
    event.preventDefault()
    select(next)
  }

  return (
    <>
      <div
        className={cn(
          'nextra-scrollbar _overflow-x-auto _overscroll-x-contain _overflow-y-hidden',
          '_mt-4 _flex _w-full _gap-2 _border-b _border-gray-200 _pb-px dark:_border-neutral-800',
          'nextra-focus',
          className,
        )}
        role="tablist"
        aria-orientation="horizontal"
        onKeyDown={onKeyDown}
      >
        {items.map((item, index) => {
          const isSelected = index === selected
          const disabled = !enabled[index]
          return (
            <button
              key={index}
              ref={(button) => {
                buttons.current[index] = button
              }}
              className={cn(
                styles.tab,
                'nextra-focus _ring-inset',
                isSelected && '_outline-none',
                '_whitespace-nowrap',
                '_rounded-t _p-2 _font-medium _leading-5 _transition-colors',
                '_-mb-0.5 _select-none _border-b-2',
                isSelected ? '_border-current' : '_border-transparent',
                isSelected
                  ? '_text-primary-600'
                  : disabled
                    ? '_text-gray-400 dark:_text-neutral-600 _pointer-events-none'
                    : '_text-gray-600 dark:_text-gray-200',
                tabClassName,
              )}
              id={`${base}t${index}`}
              role="tab"
              type="button"
              aria-selected={isSelected}
              aria-controls={`${base}p${index}`}
              tabIndex={isSelected ? 0 : -1}
              disabled={disabled}
              data-selected={isSelected ? '' : undefined}
              onClick={() => select(index)}
            >
              {typeof item === 'object' ? item.label : item}
            </button>
          )
        })}
      </div>
      <div>
        {Children.toArray(children)
          .filter(isValidElement)
          .map((child, index) => (
            <PanelContext.Provider
              key={index}
              value={{ selected: index === selected, id: `${base}p${index}`, labelledBy: `${base}t${index}` }}
            >
              {child}
            </PanelContext.Provider>
          ))}
      </div>
    </>
  )
}

function Tab({ children, className }: { children?: ReactNode; className?: string }) {
  const { selected, id, labelledBy } = useContext(PanelContext)
  return (
    <div
      className={cn('_rounded _mt-6 nextra-focus', className)}
      id={id}
      role="tabpanel"
      aria-labelledby={labelledBy}
      tabIndex={selected ? 0 : -1}
      hidden={!selected}
      style={selected ? undefined : { display: 'none' }}
      data-selected={selected ? '' : undefined}
    >
      {children}
    </div>
  )
}

export const Tabs = Object.assign(TabsRoot, { Tab })

import { Table } from 'nextra/components'
import type { ComponentProps } from 'react'

/**
 * Nextra's table scrolls sideways when it is wider than the column. A scrolling region must be reachable
 * from the keyboard (WCAG 2.1.1), so every Markdown table gets a tab stop; the classes are Nextra's own.
 */
export function ScrollableTable({ className, ...props }: ComponentProps<typeof Table>) {
  return (
    <Table
      tabIndex={0}
      className={['nextra-scrollbar [&:not(:first-child)]:_mt-6 _p-0', className].filter(Boolean).join(' ')}
      {...props}
    />
  )
}

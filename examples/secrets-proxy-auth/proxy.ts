import { NextResponse, type NextRequest } from 'next/server'

// Optimistic check only: is there a session cookie at all? No database access here.
export function proxy(request: NextRequest) {
  if (!request.cookies.has('session')) {
    return NextResponse.json({ error: 'Sign in first' }, { status: 401 })
  }
  return NextResponse.next()
}

export const config = { matcher: '/api/todos/:path*' }

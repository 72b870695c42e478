/**
 * `next/navigation` in a route handler: `redirect()`, `permanentRedirect()` and `notFound()` throw,
 * and the platform turns what they throw into the response Next.js gives (307/308 with `Location`,
 * or 404), as app-route's handler does with Next's own redirect and HTTP-access errors.
 */
export class NavigationSignal extends Error {
  constructor(
    readonly status: number,
    readonly location?: string,
  ) {
    super(location ? 'NEXT_REDIRECT' : 'NEXT_HTTP_ERROR_FALLBACK;404')
    this.name = 'Error'
  }
}

export function createNextNavigation(): Record<string, unknown> {
  const redirect = (url: string, type?: 'push' | 'replace') => {
    void type
    throw new NavigationSignal(307, String(url))
  }
  const unsupported = (name: string) => () => {
    throw new Error(`\`${name}\` is a client hook; it cannot be called in a route handler.`)
  }
  return {
    __esModule: true,
    redirect,
    permanentRedirect: (url: string) => {
      throw new NavigationSignal(308, String(url))
    },
    notFound: () => {
      throw new NavigationSignal(404)
    },
    RedirectType: { push: 'push', replace: 'replace' },
    useRouter: unsupported('useRouter'),
    usePathname: unsupported('usePathname'),
    useSearchParams: unsupported('useSearchParams'),
    useParams: unsupported('useParams'),
  }
}

import { NextResponse, type NextRequest } from 'next/server';
import { defaultUiLocale, isUiLocale, UI_COOKIE, uiLocales } from '@/lib/i18n/config';

/**
 * Serves every page in the reader's interface language without putting the language in the
 * URL: `/read/x` is rendered from the statically generated `/en/read/x` or `/zh/read/x`
 * according to the language cookie, so permalinks are the same for everyone.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (uiLocales.some((lng) => pathname === `/${lng}` || pathname.startsWith(`/${lng}/`))) return NextResponse.next();
  const cookie = request.cookies.get(UI_COOKIE)?.value;
  const ui = isUiLocale(cookie) ? cookie : defaultUiLocale;
  // Next.js serves a rewrite in-process only when its origin is the server's own: nextUrl names
  // the host `localhost`, which is the server's own name unless it was started with -H <address>.
  const url = request.nextUrl.clone();
  url.pathname = `/${ui}${pathname === '/' ? '' : pathname}`;
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: ['/((?!api/|_next/|icon\\.svg).*)'],
};

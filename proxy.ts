import { NextResponse, type NextRequest } from 'next/server';
import { defaultUiLocale, isUiLocale, UI_COOKIE, uiLocales } from '@/lib/i18n/config';
import { readingRoute, readingRouteExists } from '@/lib/library/routes';

/**
 * Each interface language has its own URLs (`/zh/read/<slug>`), which shared caches may keep
 * (pages send `s-maxage`). The language-neutral URLs people share (`/read/<slug>`) answer in the
 * language of the reader's cookie, from the same pages: those answers are marked private, so a
 * CDN never hands one reader's language to another.
 *
 * Reading pages are made on demand, so a text, paragraph or section that does not exist is sent
 * to the 404 page here, before a page is rendered for it.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const own = uiLocales.find((lng) => pathname === `/${lng}` || pathname.startsWith(`/${lng}/`));
  const cookie = request.cookies.get(UI_COOKIE)?.value;
  const ui = own ?? (isUiLocale(cookie) ? cookie : defaultUiLocale);
  const route = readingRoute(pathname);
  // Next.js serves a rewrite in-process only when its origin is the server's own: nextUrl names
  // the host `localhost`, which is the server's own name unless it was started with -H <address>.
  const url = request.nextUrl.clone();
  if (route && !(await readingRouteExists(route))) {
    // A path no route matches: the global 404 page, rendered on the server.
    url.pathname = `/${ui}/_missing/_missing`;
    return NextResponse.rewrite(url);
  }
  if (own) return NextResponse.next();
  url.pathname = `/${ui}${pathname === '/' ? '' : pathname}`;
  const response = NextResponse.rewrite(url);
  response.headers.set('Cache-Control', 'private, no-cache');
  response.headers.set('Vary', 'Cookie');
  return response;
}

export const config = {
  matcher: ['/((?!api/|_next/|icon\\.svg).*)'],
};

import { NextResponse, type NextRequest } from 'next/server';
import { defaultUiLocale, isUiLocale, UI_COOKIE, uiLocales } from '@/lib/i18n/config';
import { languageAlternates, linkHeader } from '@/lib/i18n/alternates';
import { redirectLocation } from '@/lib/reading/reading-url';
import { siteUrlFromEnv, trustedRequestOrigin } from '@/lib/site-url';
import { readingRoute, readingRouteAnswer } from '@/lib/reading/routes';
import {
  isEnglishAlone,
  parseReadingLanguages,
  READING_LANGUAGES_COOKIE,
  readingLanguagesSegment,
} from '@/lib/reading/reading-languages';

/**
 * Each interface language has its own URLs (`/zh/read/<slug>`), which shared caches may keep
 * (pages send `s-maxage`). The language-neutral URLs people share (`/read/<slug>`) answer in the
 * language of the reader's cookie, from the same pages: those answers are marked private, so a
 * CDN never hands one reader's language to another.
 *
 * Reading pages are made on demand, so a text, paragraph or section that does not exist is sent
 * to the 404 page here, before a page is rendered for it. Redirects of reading URLs (an old section
 * name, a retired paragraph id) are answered here too, where the query is known: they keep the
 * interface-language prefix and the reader's options (`?layout=`, `?pinyin=`, …).
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
  const answer = route ? await readingRouteAnswer(route) : undefined;
  if (answer?.kind === 'missing') {
    // A path no route matches: the global 404 page, rendered on the server.
    url.pathname = `/${ui}/_missing/_missing`;
    return NextResponse.rewrite(url);
  }
  if (answer?.kind === 'redirect') {
    // Next.js sends the Location relative when its host is the request's own, as here.
    // Not kept by browsers for long, even when permanent: the text's sections can move again.
    const location = redirectLocation(answer.path, { language: own, search: request.nextUrl.search });
    return NextResponse.redirect(new URL(location, request.nextUrl), {
      status: answer.permanent ? 308 : 307,
      headers: { 'Cache-Control': 'public, max-age=0, s-maxage=60' },
    });
  }
  // Target languages (`?tl=fr`, `?tl=en,fr`, `?tlref=en`): each choice is its own page, under a
  // path segment the app writes, so pages stay cached. A reader with a remembered choice who
  // opens a reading URL without one is sent to the URL that says it.
  const query = request.nextUrl.searchParams;
  const readingPage = answer?.kind === 'page' && route?.kind !== 'contents';
  const remembered = request.cookies.get(READING_LANGUAGES_COOKIE)?.value;
  if (readingPage && !query.has('tl') && remembered) {
    const choice = parseReadingLanguages(remembered);
    if (!choice.rejected && !isEnglishAlone(choice)) {
      const target = request.nextUrl.clone();
      // Written by hand: URLSearchParams would send the commas as %2C.
      const rest = target.search.slice(1);
      target.search = `?${rest ? `${rest}&` : ''}tl=${choice.langs.join(',')}`;
      return NextResponse.redirect(target, { status: 307, headers: { 'Cache-Control': 'private, no-store' } });
    }
  }
  const languages = readingPage ? parseReadingLanguages(query.get('tl'), query.get('tlref')) : undefined;
  const segment = languages && !isEnglishAlone(languages) ? `/tl/${readingLanguagesSegment(languages)}` : '';
  let response: NextResponse;
  if (own && !segment) response = NextResponse.next();
  else if (own) {
    url.pathname = `${pathname.replace(/\/$/, '')}${segment}`;
    response = NextResponse.rewrite(url);
  } else {
    url.pathname = `/${ui}${pathname === '/' ? '' : pathname.replace(/\/$/, '')}${segment}`;
    response = NextResponse.rewrite(url);
    response.headers.set('Cache-Control', 'private, no-cache');
    response.headers.set('Vary', 'Cookie');
  }
  // The language alternates, absolute, for the pages that have them (the library and the reading
  // pages): the links in the page are relative unless SITE_URL is set, since a cached page is
  // served whatever the request's Host.
  const neutral = own ? pathname.slice(own.length + 1) || '/' : pathname;
  if (answer?.kind === 'page' || neutral === '/') {
    const origin = siteUrlFromEnv() ?? trustedRequestOrigin(request.headers);
    if (origin) response.headers.set('Link', linkHeader(languageAlternates(neutral.replace(/(.)\/$/, '$1'), origin)));
  }
  return response;
}

export const config = {
  matcher: ['/((?!api/|_next/|icon\\.svg).*)'],
};

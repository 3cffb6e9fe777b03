/**
 * Scripts for the page of a text read in sections. A `#<id>` link may name a block of another
 * section: the first script (before the rows) hides the rows while there is a fragment; the
 * second (after them) shows them again when the block is on this page, and otherwise asks the
 * server where the block is (`/read/<slug>/locate/<id>`) and replaces the URL with that
 * section's, keeping `?layout=` and the other parameters. So a wrong section is never shown for
 * longer than the lookup. The slug is checked against the slug pattern before it is written in.
 */
export const hideWhileLocatingScript = `(function(){if(location.hash.length>1)document.documentElement.setAttribute('data-locating','')})();`;

export function locateScript(slug: string): string {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(slug)) throw new Error(`not a slug: ${slug}`);
  return `(function(){var d=document.documentElement;var show=function(){d.removeAttribute('data-locating')};var run=function(){var id=decodeURIComponent(location.hash.slice(1));if(!id||document.getElementById(id)){show();return}var m=/^\\/(en|zh)\\//.exec(location.pathname);var prefix=m?'/'+m[1]:'';d.setAttribute('data-locating','');var timer=setTimeout(show,4000);fetch('/read/${slug}/locate/'+encodeURIComponent(id)).then(function(r){return r.ok?r.json():null}).then(function(t){clearTimeout(timer);if(!t||typeof t.path!=='string'||t.path.charAt(0)!=='/'){show();return}var path=prefix+t.path;if(path===location.pathname){show();if(t.id!==id)location.replace('#'+encodeURIComponent(t.id));return}location.replace(path+location.search+'#'+encodeURIComponent(t.id))},function(){clearTimeout(timer);show()})};run();window.addEventListener('hashchange',run)})();`;
}

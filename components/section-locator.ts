/**
 * Scripts for the page of a text read in sections. A `#<id>` link may name a block of another
 * section. The first script (before the rows) hides the rows while there is a fragment and at
 * once asks the server where the block is (`/read/<slug>/locate/<id>`): when it is in another
 * section, the URL is replaced with that section's (keeping `?layout=` and the other parameters)
 * as soon as the answer comes, without waiting for this page's rows. The second script (after the
 * rows) shows them again when the block is on this page, uses the first script's answer for a
 * block that is not (a retired id's new one, or no answer), and looks up a fragment changed later. So
 * a wrong section is never shown for longer than the lookup. The slug is checked against the slug
 * pattern before it is written in.
 */

/** The name on `window` under which the first script leaves its pending answer for the second. */
const PENDING = '__bilingualLocate';

function checkedSlug(slug: string): string {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(slug)) throw new Error(`not a slug: ${slug}`);
  return slug;
}

/** Shared by both scripts: the fragment's id, the UI prefix, the look-up, and going there. */
function helpers(slug: string): string {
  return `
var d=document.documentElement;
var fragment=function(){try{return decodeURIComponent(location.hash.slice(1))}catch(e){return''}};
var m=/^\\/(en|zh)\\//.exec(location.pathname);var prefix=m?'/'+m[1]:'';
var lookUp=function(id){return fetch('/read/${slug}/locate/'+encodeURIComponent(id)).then(function(r){return r.ok?r.json():null}).then(function(t){return t&&typeof t.path==='string'&&t.path.charAt(0)==='/'?t:null},function(){return null})};
var elsewhere=function(t){return t&&prefix+t.path!==location.pathname};
var go=function(t){location.replace(prefix+t.path+location.search+'#'+encodeURIComponent(t.id))};`;
}

export function hideWhileLocatingScript(slug: string): string {
  return `(function(){${helpers(checkedSlug(slug))}
var id=fragment();if(!id)return;
d.setAttribute('data-locating','');
window.${PENDING}={id:id,answer:lookUp(id).then(function(t){if(elsewhere(t)&&fragment()===id)go(t);return t})};
})();`;
}

export function locateScript(slug: string): string {
  return `(function(){${helpers(checkedSlug(slug))}
var show=function(){d.removeAttribute('data-locating')};
var run=function(){
var id=fragment();if(!id||document.getElementById(id)){show();return}
d.setAttribute('data-locating','');var timer=setTimeout(show,4000);
var pending=window.${PENDING};window.${PENDING}=undefined;var early=pending&&pending.id===id;
(early?pending.answer:lookUp(id)).then(function(t){
clearTimeout(timer);if(fragment()!==id)return;
if(!t){show();return}
if(elsewhere(t)){if(!early)go(t);return}
show();if(t.id!==id)location.replace('#'+encodeURIComponent(t.id));
})};
run();window.addEventListener('hashchange',run)})();`;
}

// Lets the demo show each backend from one page: ?backend=rest points the
// widget at the REST server `npm start` runs, ?backend=local keeps posts in
// this browser. It runs before the widget's module script (deferred, like
// every module script) upgrades the element. A publisher's page would just
// write the attribute.
(() => {
  const query = new URLSearchParams(location.search);
  const backend = query.get('render') === 'server' ? 'server' : query.get('backend');
  const widget = document.querySelector('article-comments');
  if (backend === 'rest') {
    widget.setAttribute('src', '/api');
    // The reference server's stand-in for a publisher's login (a session cookie): signed in, readers
    // write under their name and may edit and delete their comments.
    widget.setAttribute('login-url', '/login?return={return}');
    widget.setAttribute('logout-url', '/logout?return={return}');
    const login = document.querySelector('[data-login]');
    if (login) {
      login.hidden = false;
      login.querySelector('a').href = `/login?return=${encodeURIComponent(`${location.href.replace(/#.*$/, '')}#${widget.id || 'kommentare'}`)}`;
    }
  }
  if (backend === 'local') widget.setAttribute('storage', 'local');
  for (const link of document.querySelectorAll('[data-backend]')) {
    if ((link.dataset.backend || null) === backend) link.setAttribute('aria-current', 'page');
  }
})();

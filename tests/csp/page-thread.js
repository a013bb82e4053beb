// ?thread=… and ?storage=… set the discussion's id and storage before the widget's module script
// upgrades the element, so each test of a page has a discussion (and drafts) of its own.
// External: the policy blocks inline scripts.
(() => {
  const params = new URLSearchParams(location.search);
  const widget = document.querySelector('article-comments');
  for (const name of ['thread', 'storage']) if (params.has(name)) widget.setAttribute(name, params.get(name));
})();

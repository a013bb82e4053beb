// Records every Content-Security-Policy violation on the page, for the test
// that embeds this page in an iframe. External on purpose: inline scripts are
// blocked by the policy this page is served with.
window.violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.violations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample || ''}`);
});

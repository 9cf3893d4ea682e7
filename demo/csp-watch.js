// Notes every Content-Security-Policy violation on the page, so a look (or a test) can tell
// whether the viewer needed anything the strict policy forbids.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});

// Quartierskredit: the links to a loan's file (Kreditakte) and documents (Unterlagen) at the top of
// every task form (a text component of forms/*.form) open in a new tab, so that the form and what a
// caseworker has typed into it stay where they are. form-js renders markdown links without a target
// and keeps one if present; this script adds it (with rel="noopener") to those links only.

const LOAN_PAGE = /\/api\/loans\/[^/]+\/(kreditakte|unterlagen)$/;

function openLoanPagesInNewTab() {
  document.querySelectorAll('.fjs-form a[href]').forEach((link) => {
    if (LOAN_PAGE.test(link.getAttribute('href')) && link.target !== '_blank') {
      link.target = '_blank';
      link.rel = 'noopener';
      link.classList.add('qk-loan-link');
    }
  });
}

new MutationObserver(openLoanPagesInNewTab).observe(document.documentElement, { childList: true, subtree: true });
openLoanPagesInNewTab();

export default [];

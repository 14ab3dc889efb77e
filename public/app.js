// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // Move focus to the error summary so screen-reader and keyboard users hear what went wrong.
  const summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();
  // Prevent a double click from submitting a form twice (the server is idempotent as well).
  for (const form of document.querySelectorAll('form[method="post"]')) {
    form.addEventListener('submit', () => {
      for (const b of form.querySelectorAll('button[type="submit"]')) b.setAttribute('aria-disabled', 'true');
      if (form.dataset.submitted) return;
      form.dataset.submitted = 'true';
    });
  }
});

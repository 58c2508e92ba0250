// Guichet's only script besides htmx; every page works without it.
// Ctrl+Enter (or Cmd+Enter) in a text area sends its form, as in mail clients.
document.addEventListener('keydown', function (event) {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.target instanceof HTMLTextAreaElement
      && event.target.form) {
    event.preventDefault();
    event.target.form.requestSubmit();
  }
});

/* A publication's page: the Print and Copy buttons. Without this script they stay hidden
   and the page works as it is (the browser prints, the short link's field can be copied).
   Every word a reader sees comes from the page, in its language (data-copied,
   data-failed). */
(function () {
  "use strict";

  function say(status, message) {
    if (!status) return;
    // Emptied first, so that the same message twice is announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function select(target) {
    if (target.select) {
      target.focus();
      target.select();
      return;
    }
    var range = document.createRange();
    range.selectNodeContents(target);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copyBySelection(target) {
    select(target);
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function copy(target) {
    var text = target.value !== undefined ? target.value : target.textContent.trim();
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyBySelection(target); }
      );
    }
    return Promise.resolve(copyBySelection(target));
  }

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var target = document.getElementById(button.dataset.copy);
    var status = document.getElementById(button.dataset.status);
    if (!target) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      copy(target).then(function (copied) {
        if (!copied) select(target);
        say(status, copied ? button.dataset.copied : button.dataset.failed);
      });
    });
  });
})();

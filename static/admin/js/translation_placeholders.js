/* The side-by-side editor's paragraphs: the original's placeholders as chips.
 *
 * Each paragraph's textarea holds the translation with tokens ([1]…[/1], [2/]); it stays
 * the form's field, and the whole editor without JavaScript. This script puts a
 * contenteditable in its place where each token is a chip that cannot be edited (a chip
 * is deleted whole, and a pair together), turns the list of the paragraph's placeholders
 * into buttons that put one around the selected words, and writes the tokens back into
 * the textarea on every change. Every word shown comes from the page (data-placeholders),
 * translated there. The server checks the result either way (speeches/languages/placeholders.py).
 */
"use strict";

(function () {
  // The same syntax as speeches/languages/placeholders.py: [[1] is the text "[1]".
  const TOKEN = /\[(\[(?:\/\d{1,4}|\d{1,4}\/?)\])|\[(?:\/(\d{1,4})|(\d{1,4})(\/)?)\]/g;
  const NEEDS_ESCAPE = /\[(?=(?:\/\d{1,4}|\d{1,4}\/?)\])/g;

  function readToken(token) {
    const match = /^\[(\/)?(\d{1,4})(\/)?\]$/.exec(token);
    return match && { id: match[2], close: Boolean(match[1]), empty: Boolean(match[3]) };
  }

  function enhance(textarea) {
    const placeholders = JSON.parse(textarea.dataset.placeholders || "[]");
    const byId = new Map(placeholders.map((p) => [String(p.id), p]));
    const editor = document.createElement("div");
    let lastRange = null;

    function chip(token) {
      const parsed = readToken(token);
      const placeholder = parsed && byId.get(parsed.id);
      const label = placeholder
        ? parsed.close
          ? placeholder.close_label
          : placeholder.open_label
        : token;
      const span = document.createElement("span");
      span.className = "placeholder-chip";
      span.contentEditable = "false";
      span.dataset.token = token;
      span.textContent = token;
      span.title = label;
      span.setAttribute("role", "img");
      span.setAttribute("aria-label", label);
      return span;
    }

    function fragment(value) {
      const result = document.createDocumentFragment();
      let last = 0;
      for (const match of value.matchAll(TOKEN)) {
        result.append(value.slice(last, match.index));
        result.append(match[1] ? match[1] : chip(match[0]));
        last = match.index + match[0].length;
      }
      result.append(value.slice(last));
      return result;
    }

    function serialize(node) {
      let text = "";
      let out = "";
      const flush = () => {
        out += text.replace(NEEDS_ESCAPE, "[[");
        text = "";
      };
      (function walk(parent) {
        for (const child of parent.childNodes) {
          if (child.nodeType === Node.TEXT_NODE) {
            text += child.data;
          } else if (child.dataset && child.dataset.token) {
            flush();
            out += child.dataset.token;
          } else if (child.nodeName !== "BR") {
            walk(child); // markup a browser slipped in: its words only
          }
        }
      })(node);
      flush();
      return out;
    }

    function chips() {
      return Array.from(editor.querySelectorAll(".placeholder-chip"));
    }

    // One half of a pair deleted: the other goes too, as the translator meant to remove it.
    function dropOrphans() {
      const halves = new Map();
      for (const element of chips()) {
        const parsed = readToken(element.dataset.token);
        if (!parsed || parsed.empty) continue;
        const entry = halves.get(parsed.id) || { open: [], close: [] };
        entry[parsed.close ? "close" : "open"].push(element);
        halves.set(parsed.id, entry);
      }
      for (const entry of halves.values()) {
        if (entry.open.length + entry.close.length === 1) {
          entry.open.concat(entry.close).forEach((element) => element.remove());
        }
      }
    }

    const buttons = [];

    function sync() {
      textarea.value = serialize(editor);
      const used = new Set(chips().map((element) => readToken(element.dataset.token)?.id));
      for (const button of buttons) {
        button.disabled = used.has(button.dataset.id);
      }
    }

    function caretAfter(node) {
      const range = document.createRange();
      range.setStartAfter(node);
      range.collapse(true);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }

    function insert(placeholder) {
      let range = lastRange;
      if (!range || !editor.contains(range.commonAncestorContainer)) {
        range = document.createRange();
        range.selectNodeContents(editor);
        range.collapse(false);
      }
      editor.focus();
      const start = range.cloneRange();
      start.collapse(true);
      if (!placeholder.close) {
        const single = chip(placeholder.open);
        start.insertNode(single);
        caretAfter(single);
      } else {
        const collapsed = range.collapsed;
        const end = range.cloneRange();
        end.collapse(false);
        const open = chip(placeholder.open);
        const close = chip(placeholder.close);
        end.insertNode(close);
        start.insertNode(open);
        caretAfter(collapsed ? open : close);
      }
      sync();
    }

    editor.className = "placeholder-editor";
    editor.contentEditable = "true";
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    for (const name of ["lang", "dir"]) {
      if (textarea.hasAttribute(name)) editor.setAttribute(name, textarea.getAttribute(name));
    }
    const label = document.getElementById(`${textarea.id}_label`);
    if (label) {
      editor.setAttribute("aria-labelledby", label.id);
      label.addEventListener("click", () => editor.focus());
    }
    // The field's errors (Django points to them) and the list of its placeholders.
    const legend = document.getElementById(`${textarea.id}_placeholders`);
    const described = [textarea.getAttribute("aria-describedby"), legend && legend.id];
    if (described.some(Boolean)) {
      editor.setAttribute("aria-describedby", described.filter(Boolean).join(" "));
    }
    if (textarea.getAttribute("aria-invalid") === "true") {
      editor.setAttribute("aria-invalid", "true");
    }
    editor.append(fragment(textarea.value));

    editor.addEventListener("input", () => {
      dropOrphans();
      sync();
    });
    editor.addEventListener("beforeinput", (event) => {
      // One paragraph is one field: no new paragraphs, no formatting of the browser's own.
      if (/^(insertParagraph|insertLineBreak|format)/.test(event.inputType)) {
        event.preventDefault();
      }
    });
    editor.addEventListener("paste", (event) => {
      event.preventDefault();
      const text = (event.clipboardData.getData("text/plain") || "").replace(/\s*\n\s*/g, " ");
      const selection = window.getSelection();
      if (!selection.rangeCount) return;
      const range = selection.getRangeAt(0);
      range.deleteContents();
      const pasted = fragment(text);
      const lastNode = pasted.lastChild;
      range.insertNode(pasted);
      if (lastNode) caretAfter(lastNode);
      dropOrphans();
      sync();
    });
    editor.addEventListener("drop", (event) => event.preventDefault());
    const remember = () => {
      const selection = window.getSelection();
      if (selection.rangeCount && editor.contains(selection.anchorNode)) {
        lastRange = selection.getRangeAt(0).cloneRange();
      }
    };
    document.addEventListener("selectionchange", remember);
    // "selectionchange" arrives later, as a task of its own: a quick Shift+Home then Tab
    // would reach the placeholder button before it. Read the selection as keys and the
    // mouse let go, and as the focus leaves the text.
    for (const type of ["keyup", "mouseup", "blur"]) editor.addEventListener(type, remember);

    if (legend) {
      legend.querySelectorAll("li").forEach((item, index) => {
        const placeholder = placeholders[index];
        if (!placeholder) return;
        const button = document.createElement("button");
        button.type = "button";
        button.className = "button";
        button.dataset.id = String(placeholder.id);
        button.setAttribute("aria-label", placeholder.insert);
        button.append(...item.childNodes);
        // The mouse would take the focus, and the selection, away from the text.
        button.addEventListener("mousedown", (event) => event.preventDefault());
        button.addEventListener("click", () => insert(placeholder));
        item.append(button);
        buttons.push(button);
      });
    }

    textarea.hidden = true;
    textarea.after(editor);
    textarea.form?.addEventListener("submit", sync);
    sync();
  }

  function start() {
    document.querySelectorAll("textarea.placeholder-text").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

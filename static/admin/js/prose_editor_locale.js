"use strict";
// The rich-text editor (django-prose-editor) in the admin's language, spell-checked.
//
// Its dialogs ask the page's gettext (Django's JavaScript catalog, which holds our
// locale/*/djangojs.po) for their words; its toolbar's tooltips and menu entries are set in
// English, so they are put into the admin's language here as the editor builds them. The
// text being written is spell-checked in its own language (the textarea's lang).
(function () {
    const t = (text) => (typeof window.gettext === "function" ? window.gettext(text) : text);
    // Marks a word for the catalog (makemessages -d djangojs reads these calls).
    const gettext_noop = (text) => text;

    // The toolbar: tooltips, accessible names and menu entries, as the editor writes them.
    const TOOLBAR = new Set([
        gettext_noop("paragraph"),
        gettext_noop("Paragraph"),
        gettext_noop("Heading 2"),
        gettext_noop("Heading 3"),
        gettext_noop("Heading 4"),
        gettext_noop("unordered list"),
        gettext_noop("ordered list"),
        gettext_noop("blockquote"),
        gettext_noop("horizontal rule"),
        gettext_noop("bold"),
        gettext_noop("italic"),
        gettext_noop("underline"),
        gettext_noop("strike"),
        gettext_noop("subscript"),
        gettext_noop("superscript"),
        gettext_noop("Block style"),
        gettext_noop("Reset all classes"),
        gettext_noop("Paragraph: default"),
        gettext_noop("Paragraph: Question"),
        gettext_noop("insert link"),
        gettext_noop("remove link"),
        gettext_noop("undo"),
        gettext_noop("redo"),
        gettext_noop("List properties"),
    ]);
    // The dialogs' words, which the editor translates itself through gettext: listed so
    // that they are in our catalog.
    void [
        gettext_noop("Edit Link"),
        gettext_noop("URL"),
        gettext_noop("Title"),
        gettext_noop("Open in new window"),
        gettext_noop("Update"),
        gettext_noop("Insert"),
        gettext_noop("Cancel"),
        gettext_noop("List type"),
        gettext_noop("Start at"),
        gettext_noop("Decimal numbers"),
        gettext_noop("Lowercase letters"),
        gettext_noop("Uppercase letters"),
        gettext_noop("Lowercase Roman numerals"),
        gettext_noop("Uppercase Roman numerals"),
        gettext_noop("Bullets"),
        gettext_noop("Toggle fullscreen"),
    ];

    function translate(root) {
        for (const element of root.querySelectorAll(".prose-menubar *")) {
            for (const attribute of ["title", "aria-label"]) {
                const value = element.getAttribute(attribute);
                if (value && TOOLBAR.has(value)) {
                    element.setAttribute(attribute, t(value));
                }
            }
            // Menu entries' own words; never an icon's ligature (material-icons).
            if (
                element.children.length === 0 &&
                !element.classList.contains("material-icons") &&
                TOOLBAR.has(element.textContent)
            ) {
                element.textContent = t(element.textContent);
            }
        }
        for (const editor of root.querySelectorAll(".ProseMirror[contenteditable]")) {
            const source = editor.closest(".prose-editor")?.querySelector("textarea");
            editor.setAttribute("spellcheck", "true");
            if (source && source.lang) {
                editor.setAttribute("lang", source.lang);
            }
        }
    }

    let pending = false;
    const observer = new MutationObserver(() => {
        if (!pending) {
            pending = true;
            window.requestAnimationFrame(() => {
                pending = false;
                observer.disconnect();
                translate(document);
                observer.observe(document.body, {childList: true, subtree: true});
            });
        }
    });
    document.addEventListener("DOMContentLoaded", () => {
        translate(document);
        observer.observe(document.body, {childList: true, subtree: true});
    });
})();

"use strict";
// One language switch for a whole staff form (speeches.admin.base.TranslationAdmin).
//
// Without script every language's fields show, each labelled "[ru]". With it, a bar at the
// top of the form chooses the language every translated field shows: the fields of the
// form, an inline's columns and anything marked data-language="<code>". It opens on the
// original language (the form's own "Original language", else the site's default), or on
// the language of the first error. Each language says whether it has text, is outdated or
// hidden (the form's own "Language versions" controls) or holds an error, and the marks
// follow the typing. A field's own small switch shows that one field in another language.
// Loaded in the head with the form's media: it starts once the document is parsed.
document.addEventListener("DOMContentLoaded", function () {
    // The form of the translated fields (not, say, the preview panel's form above it).
    const first = document.querySelector("#content-main form :is(input, textarea, select).mt");
    const form = first && first.form;
    const strings = document.getElementById("language-switch-text");
    if (!form || !strings) {
        return;
    }
    const text = (key) => {
        const node = strings.content.querySelector('[data-key="' + key + '"]');
        return node ? node.textContent : key;
    };
    const languageName = (code) => {
        const node = strings.content.querySelector('[data-language-name="' + code + '"]');
        return node ? node.textContent : code;
    };

    // Translated fields: modeltranslation marks each widget "mt mt-field-<name>-<code>".
    const PREFIX = "mt-field-";
    function languageOf(control) {
        const cls = Array.from(control.classList).find((c) => c.startsWith(PREFIX));
        return cls ? cls.slice(cls.lastIndexOf("-") + 1) : null;
    }
    function fieldOf(control) {
        const cls = Array.from(control.classList).find((c) => c.startsWith(PREFIX));
        return cls ? cls.slice(PREFIX.length, cls.lastIndexOf("-")) : null;
    }
    const controls = Array.from(form.querySelectorAll("input.mt, textarea.mt, select.mt")).filter(
        (control) => languageOf(control) && !control.closest(".empty-form")
    );
    if (!controls.length) {
        return;
    }
    function wrapperOf(control) {
        return control.closest(".fieldBox, .form-row, td") || control;
    }

    // Languages in the order the fields come (settings order), the original first.
    const order = [];
    for (const control of controls) {
        const code = languageOf(control);
        if (!order.includes(code)) {
            order.push(code);
        }
    }
    const originalSelect = form.querySelector("#id_original_language");
    const defaultControl = controls.find((control) => control.classList.contains("mt-default"));
    function originalLanguage() {
        if (originalSelect && order.includes(originalSelect.value)) {
            return originalSelect.value;
        }
        return defaultControl ? languageOf(defaultControl) : order[0];
    }
    const languages = () => {
        const original = originalLanguage();
        return [original, ...order.filter((code) => code !== original)];
    };

    // Groups: the same field of the same form (an inline row has its own prefix).
    const groups = new Map();
    for (const control of controls) {
        const key = control.id.slice(0, control.id.length - languageOf(control).length);
        if (!groups.has(key)) {
            groups.set(key, new Map());
        }
        groups.get(key).set(languageOf(control), control);
    }

    // The bar.
    const bar = document.createElement("div");
    bar.className = "language-switch";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", text("label"));
    const heading = document.createElement("span");
    heading.className = "language-switch__label";
    heading.textContent = text("label");
    bar.append(heading);
    const buttons = new Map();
    for (const code of order) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "language-switch__button";
        button.dataset.code = code;
        button.lang = code;
        const name = document.createElement("span");
        name.className = "language-switch__name";
        name.textContent = languageName(code);
        name.lang = document.documentElement.lang;
        const marks = document.createElement("span");
        marks.className = "language-switch__marks";
        button.append(name, marks);
        button.addEventListener("click", () => show(code, {focus: false}));
        buttons.set(code, button);
    }
    function placeButtons() {
        for (const code of languages()) {
            bar.append(buttons.get(code));
        }
    }
    placeButtons();
    const firstFieldset = form.querySelector("fieldset");
    (firstFieldset || form.firstElementChild).before(bar);

    function isFilled(control) {
        if (control.type === "checkbox") {
            return control.checked;
        }
        // The rich-text editor leaves "<p></p>" in an empty body.
        return control.value.replace(/<[^>]*>/g, "").trim() !== "";
    }
    function hasError(code) {
        return controls.some(
            (control) =>
                languageOf(control) === code &&
                (wrapperOf(control).classList.contains("errors") ||
                    wrapperOf(control).querySelector(".errorlist"))
        );
    }
    function versionState(code) {
        const select = form.querySelector('select[name="version_' + code + '"]');
        if (!select) {
            return "";
        }
        return select.disabled ? "original" : select.value;
    }
    function mark(kind, label) {
        const span = document.createElement("span");
        span.className = "language-switch__mark language-switch__mark--" + kind;
        span.textContent = label;
        return span;
    }
    function updateMarks() {
        const original = originalLanguage();
        for (const [code, button] of buttons) {
            const marks = button.querySelector(".language-switch__marks");
            const wanted = document.createElement("span");
            const filled = controls.some((c) => languageOf(c) === code && isFilled(c));
            if (code === original) {
                wanted.append(mark("original", text("original")));
            }
            wanted.append(
                filled ? mark("text", text("has_text")) : mark("empty", text("empty"))
            );
            const state = versionState(code);
            if (state === "outdated" || state === "hidden") {
                wanted.append(mark(state, text(state)));
            }
            if (hasError(code)) {
                wanted.append(mark("error", text("error")));
            }
            // Only what changed is replaced: a click in progress keeps its target.
            if (marks.innerHTML !== wanted.innerHTML) {
                marks.replaceChildren(...wanted.childNodes);
            }
        }
    }

    // Per-field switches: a field shows its group's language; the bar resets them all.
    const fieldLanguage = new Map(); // group key -> the language it shows
    let current = null;
    function showGroup(key, code) {
        fieldLanguage.set(key, code);
        for (const [language, control] of groups.get(key)) {
            const wrapper = wrapperOf(control);
            wrapper.classList.toggle("language-hidden", language !== code);
            for (const button of wrapper.querySelectorAll(".field-languages button")) {
                button.setAttribute("aria-pressed", String(button.dataset.code === code));
            }
        }
    }
    // Blocks marked data-language (the materials grid's rows) show the chosen language
    // beside the original, which a translator writes from.
    function showMarked(root) {
        const shown = new Set([current, originalLanguage()]);
        for (const element of root.querySelectorAll("[data-language]")) {
            element.classList.toggle("language-hidden", !shown.has(element.dataset.language));
        }
    }
    function show(code, {focus}) {
        current = code;
        for (const [language, button] of buttons) {
            button.setAttribute("aria-pressed", String(language === code));
        }
        for (const key of groups.keys()) {
            showGroup(key, code);
        }
        showMarked(form);
        form.dataset.language = code;
        if (focus) {
            const field = controls.find(
                (c) =>
                    languageOf(c) === code &&
                    (wrapperOf(c).classList.contains("errors") ||
                        wrapperOf(c).querySelector(".errorlist"))
            );
            const target = field && wrapperOf(field).querySelector(
                "[contenteditable=true], input:not([type=hidden]), select, textarea:not([hidden])"
            );
            if (target && target.getClientRects().length) {
                target.focus();
            }
        }
    }
    for (const [key, group] of groups) {
        if (group.size < 2) {
            continue;
        }
        const anyControl = group.values().next().value;
        if (anyControl.closest("td")) {
            continue; // a grid's cells follow the bar only
        }
        for (const control of group.values()) {
            const wrapper = wrapperOf(control);
            const label = wrapper.querySelector("label");
            const box = document.createElement("span");
            box.className = "field-languages";
            box.setAttribute("role", "group");
            box.setAttribute(
                "aria-label",
                text("field_switch").replace(
                    "%s",
                    ((label && label.textContent) || fieldOf(control))
                        .replace(/\s*\[[^\]]*\]/, "")
                        .replace(/[:：]\s*$/, "")
                )
            );
            for (const code of group.keys()) {
                const button = document.createElement("button");
                button.type = "button";
                button.dataset.code = code;
                button.lang = code;
                button.textContent = code;
                button.title = languageName(code);
                button.addEventListener("click", () => {
                    showGroup(key, code);
                    const next = wrapperOf(group.get(code)).querySelector(
                        ".field-languages button[data-code='" + code + "']"
                    );
                    if (next) {
                        next.focus();
                    }
                });
                box.append(button);
            }
            // Its own line under the field, where the field's help text starts.
            const line = control.closest(".flex-container") || label || wrapper.firstElementChild;
            (line || wrapper).after(box);
        }
    }

    // Rows added later (files dropped onto the grid) follow the bar too.
    new MutationObserver((records) => {
        if (current && records.some((record) => record.addedNodes.length)) {
            showMarked(form);
        }
    }).observe(form, {childList: true, subtree: true});

    form.addEventListener("input", updateMarks);
    form.addEventListener("change", (event) => {
        if (event.target === originalSelect) {
            placeButtons();
            showMarked(form);
        }
        updateMarks();
    });
    updateMarks();

    const withError = languages().find(hasError);
    const asked = new URLSearchParams(window.location.hash.slice(1)).get("language");
    show(withError || (order.includes(asked) ? asked : originalLanguage()), {focus: Boolean(withError)});
});

"use strict";
// Staff forms never lose input silently, on every admin page (templates/admin/base_site.html):
// - leaving a page whose form has unsaved input asks first (beforeunload): links such as
//   History or Close, the browser's back button, closing the tab;
// - Ctrl+S / Cmd+S saves the form instead of opening the browser's "Save page" dialog;
(function () {
    const script = document.currentScript;
    const unsavedMessage = (script && script.dataset.unsavedMessage) || "";

    // Controls that choose rows or an action in a list, not data anyone typed.
    const NOT_DATA_NAMES = new Set(["action", "_selected_action", "select_across", "index"]);
    const NOT_DATA_TYPES = new Set(["hidden", "submit", "button", "reset", "image"]);
    // The submit button Ctrl+S presses, first found: the change form's "Save and continue
    // editing", the side-by-side editor's "Save as in progress", a list's "Save", else the
    // form's default button.
    const SAVE_BUTTONS = [
        "[type=submit][name=_continue]",
        "[type=submit][name=_draft]",
        "[type=submit][name=_save]",
        "[type=submit].default",
    ];

    function dataControls(form) {
        return Array.from(form.elements).filter(
            (control) =>
                control.name &&
                !control.disabled &&
                !NOT_DATA_NAMES.has(control.name) &&
                !NOT_DATA_TYPES.has(control.type) &&
                ["INPUT", "SELECT", "TEXTAREA"].includes(control.tagName) &&
                // Django's two-box multiple choice (SelectFilter): the left box only offers.
                !(control.classList.contains("filtered") && control.id.endsWith("_from"))
        );
    }

    // The forms people type into: posted forms of the page's content with a data field
    // (not a delete confirmation, nor a list without editable columns), never the login.
    function staffForms() {
        if (document.body.classList.contains("login")) {
            return [];
        }
        return Array.from(document.querySelectorAll("#content form")).filter(
            (form) => form.method === "post" && dataControls(form).length > 0
        );
    }

    function valuesOf(control) {
        if (control.type === "checkbox" || control.type === "radio") {
            return control.checked ? [control.value] : [];
        }
        if (control.tagName === "SELECT") {
            // SelectFilter's right box sends every option it holds.
            const all = control.classList.contains("filtered") && control.id.endsWith("_to");
            return Array.from(control.options)
                .filter((option) => all || option.selected)
                .map((option) => option.value);
        }
        return [control.value];
    }

    function atDefault(control) {
        if (control.type === "checkbox" || control.type === "radio") {
            return control.checked === control.defaultChecked;
        }
        if (control.tagName === "SELECT") {
            return Array.from(control.options).every(
                (option, index) =>
                    option.selected === option.defaultSelected ||
                    // A single choice without a preselected option shows its first one.
                    (!control.multiple && index === 0 && option.selected &&
                        !Array.from(control.options).some((o) => o.defaultSelected))
            );
        }
        return control.value === control.defaultValue;
    }

    // What the form would send, as one comparable string. Controls added after the page
    // loaded (an inline's "Add another" row) only count once something is entered in them.
    function state(form, known) {
        const pairs = [];
        for (const control of dataControls(form)) {
            if (known && !known.has(control.name) && atDefault(control)) {
                continue;
            }
            for (const value of valuesOf(control)) {
                pairs.push(control.name + "\u0000" + value);
            }
        }
        return pairs.sort().join("\u0001");
    }

    const saved = new Map(); // form -> {names, state}: what the server has (or was sent)
    // Unsaved whatever the inputs say, until the form is sent: a form sent back with
    // errors, and rows another script added or reordered (their inputs are hidden).
    const STICKY = new Set(["errors", "rows"]);

    function remember(form) {
        saved.set(form, {
            names: new Set(dataControls(form).map((control) => control.name)),
            state: state(form),
        });
    }

    function isDirty(form) {
        if (!saved.has(form)) {
            return false; // a form built after the page loaded, not one the server filled
        }
        const {names, state: savedState} = saved.get(form);
        // A form sent back with errors holds input that is not saved yet.
        return STICKY.has(form.dataset.unsaved) || state(form, names) !== savedState;
    }

    function markDirty(form) {
        if (!STICKY.has(form.dataset.unsaved)) {
            form.dataset.unsaved = isDirty(form) ? "true" : "";
        }
    }

    for (const form of staffForms()) {
        remember(form);
        if (form.querySelector(".errorlist, .errornote")) {
            form.dataset.unsaved = "errors";
        }
    }

    // The rich-text editor (django-prose-editor) writes its HTML into its textarea and
    // fires "input" there, so it is tracked like any other field.
    for (const type of ["input", "change"]) {
        document.addEventListener(type, (event) => {
            const form = event.target.form || event.target.closest?.("form");
            if (form && saved.has(form)) {
                markDirty(form);
            }
        });
    }

    // What is sent is no longer unsaved: no warning while the next page loads. If the
    // server refuses it, that page reopens with the input and its errors (see above).
    document.addEventListener("submit", (event) => {
        const form = event.target;
        if (!event.defaultPrevented && saved.has(form)) {
            remember(form);
            form.dataset.unsaved = "";
        }
    });

    window.addEventListener("beforeunload", (event) => {
        if (!staffForms().some(isDirty)) {
            return undefined;
        }
        // Browsers show their own text; older ones show this one.
        event.preventDefault();
        event.returnValue = unsavedMessage;
        return unsavedMessage;
    });

    // Ctrl+S / Cmd+S.
    let saving = false;
    window.addEventListener(
        "keydown",
        (event) => {
            if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) {
                return;
            }
            const key = (event.key || "").toLowerCase();
            // "s", or the S key on a keyboard laid out for another script (ы, س…).
            if (key !== "s" && !(event.code === "KeyS" && !/^[a-z]$/.test(key))) {
                return;
            }
            const forms = staffForms();
            const form = forms.find((f) => f.contains(event.target)) || forms[0];
            if (!form) {
                return; // nothing to save here: the browser may do what it does
            }
            const button = SAVE_BUTTONS.map((selector) => form.querySelector(selector)).find(
                Boolean
            );
            if (!button && form.id === "changelist-form") {
                return; // a list's only button runs the chosen action
            }
            event.preventDefault();
            if (event.repeat || saving) {
                return; // one save per press: a second would meet its own edit conflict
            }
            saving = true;
            window.setTimeout(() => {
                saving = false;
            }, 3000);
            if (form.requestSubmit) {
                form.requestSubmit(button || null);
            } else if (button) {
                button.click();
            } else {
                form.submit();
            }
        },
        true
    );

    // Back from the browser's page cache after a save: the form was sent, saving is over.
    window.addEventListener("pageshow", (event) => {
        if (event.persisted) {
            saving = false;
        }
    });
})();

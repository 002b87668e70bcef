"use strict";
// Unsaved input survives a crash: a change form's input is copied to this browser's own
// storage (localStorage) as it is typed, and offered back when the form is opened again.
// It is never sent anywhere: only the person's own Save sends the form.
//
// - Copied a moment after each change, per page address (an add form has its own).
// - Kept after a submit until a page says the save succeeded (a refused or failed save
//   keeps it); dropped on signing out, and after RECOVERY_DAYS.
// - Offered back only when it differs from what the form shows. "Restore" reloads the
//   page and puts the input in before the rich-text editors start (this script runs at the
//   end of the body, before the deferred editor modules), with the version the form was
//   opened at, so saving it over a newer save meets the edit-conflict check.
(function () {
    const script = document.currentScript;
    const PREFIX = "pressoffice:unsaved:";
    const RESTORE = "pressoffice:restore";
    const RECOVERY_DAYS = 7;
    const NOT_KEPT = new Set(["csrfmiddlewaretoken", "action", "_selected_action", "select_across"]);
    let storage;
    try {
        storage = window.localStorage;
    } catch (error) {
        return; // storage switched off: nothing to keep
    }
    if (!storage) {
        return;
    }

    // Old copies, and copies of saves that went through, are dropped on every page.
    const succeeded = Boolean(document.querySelector(".messagelist .success"));
    for (const key of Object.keys(storage)) {
        if (!key.startsWith(PREFIX)) {
            continue;
        }
        try {
            const copy = JSON.parse(storage.getItem(key));
            const age = Date.now() - copy.at;
            if (age > RECOVERY_DAYS * 86400000 || (succeeded && copy.sent)) {
                storage.removeItem(key);
            }
        } catch (error) {
            storage.removeItem(key);
        }
    }
    // Signing out leaves nothing of the text behind on a shared computer.
    document.addEventListener("submit", (event) => {
        if (event.target.id === "logout-form") {
            for (const key of Object.keys(storage)) {
                if (key.startsWith(PREFIX)) {
                    storage.removeItem(key);
                }
            }
        }
    });

    if (!document.body.classList.contains("change-form")) {
        return;
    }
    // The admin's add or change form ("<model>_form"), not a panel's form beside it.
    const form = document.querySelector("#content-main form[id$='_form'][method=post]");
    if (!form) {
        return;
    }
    const key = PREFIX + window.location.pathname;

    function controls() {
        return Array.from(form.elements).filter(
            (control) =>
                control.name &&
                !control.disabled &&
                !NOT_KEPT.has(control.name) &&
                !/-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$/.test(control.name) &&
                control.type !== "file" &&
                !["submit", "button", "reset", "image"].includes(control.type) &&
                (control.type !== "hidden" || control.name === "opened_version") &&
                !control.closest(".empty-form")
        );
    }
    function read() {
        const values = {};
        for (const control of controls()) {
            let value;
            if (control.type === "checkbox" || control.type === "radio") {
                value = control.checked ? [control.value] : [];
            } else if (control.tagName === "SELECT") {
                value = Array.from(control.selectedOptions).map((option) => option.value);
            } else {
                value = [control.value];
            }
            values[control.name] = (values[control.name] || []).concat(value);
        }
        return values;
    }
    function write(values) {
        for (const control of controls()) {
            if (!(control.name in values)) {
                continue; // a field this form no longer has
            }
            const wanted = values[control.name];
            if (control.type === "checkbox" || control.type === "radio") {
                control.checked = wanted.includes(control.value);
            } else if (control.tagName === "SELECT") {
                for (const option of control.options) {
                    option.selected = wanted.includes(option.value);
                }
            } else {
                control.value = wanted[0] ?? "";
            }
        }
    }
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    const opened = read();

    // Restoring: put the copy in now, before the editors read their textareas.
    if (window.sessionStorage && window.sessionStorage.getItem(RESTORE) === key) {
        window.sessionStorage.removeItem(RESTORE);
        const copy = JSON.parse(storage.getItem(key) || "null");
        if (copy) {
            write(copy.values);
            form.dataset.unsaved = "errors"; // staff_forms.js: warn before leaving it
        }
    } else {
        offer();
    }

    let timer = null;
    function keep(sent) {
        const values = read();
        if (same(values, opened) && !storage.getItem(key)) {
            return; // nothing typed yet
        }
        storage.setItem(key, JSON.stringify({at: Date.now(), sent: Boolean(sent), values}));
    }
    for (const type of ["input", "change"]) {
        form.addEventListener(type, () => {
            window.clearTimeout(timer);
            timer = window.setTimeout(() => keep(false), 400);
        });
    }
    form.addEventListener("submit", () => {
        window.clearTimeout(timer);
        keep(true);
    });

    function offer() {
        let copy;
        try {
            copy = JSON.parse(storage.getItem(key) || "null");
        } catch (error) {
            copy = null;
        }
        if (!copy || same(copy.values, opened)) {
            return;
        }
        const data = script.dataset;
        const when = new Date(copy.at).toLocaleString(document.documentElement.lang || undefined, {
            dateStyle: "long",
            timeStyle: "short",
        });
        const box = document.createElement("div");
        box.className = "form-recovery";
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", data.heading);
        const text = document.createElement("p");
        text.textContent = data.message.replace("%s", when);
        const restore = document.createElement("button");
        restore.type = "button";
        restore.className = "button form-recovery__restore";
        restore.textContent = data.restore;
        restore.addEventListener("click", () => {
            window.sessionStorage.setItem(RESTORE, key);
            window.location.reload();
        });
        const discard = document.createElement("button");
        discard.type = "button";
        discard.className = "button form-recovery__discard";
        discard.textContent = data.discard;
        discard.addEventListener("click", () => {
            storage.removeItem(key);
            box.remove();
        });
        box.append(text, restore, discard);
        form.before(box);
    }
})();

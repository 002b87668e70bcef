"use strict";
// The media library's upload form (templates/admin/speeches/material/includes/
// upload_form.html), quicker where scripts run: files dropped onto the list or chosen are
// sent at once, asking for JSON; each refused one is named with its reason, and a link
// shows the new materials in the list. Without this file the form posts as a page.
(function () {
    const form = document.querySelector("[data-library-upload]");
    if (!form) {
        return;
    }
    const input = form.querySelector("input[type=file]");
    const submit = form.querySelector("[data-upload-submit]");
    const status = form.querySelector("[data-drop-status]");
    const errors = form.querySelector("[data-drop-errors]");
    // The whole page takes dropped files: the form and the list below it.
    const target = document.getElementById("content-main") || form;

    function text(name, values) {
        const message = form.dataset["text" + name] || "";
        return message.replace(/%\((\w+)\)s/g, (match, key) =>
            key in values ? String(values[key]) : match
        );
    }

    async function upload(files) {
        if (!files.length) {
            return;
        }
        const body = new FormData();
        for (const file of files) {
            body.append(input.name, file);
        }
        input.value = "";
        status.textContent = text("Uploading", {count: files.length});
        errors.textContent = "";
        errors.hidden = true;
        errors.classList.remove("errorlist");
        let answer;
        try {
            const response = await fetch(form.action, {
                method: "POST",
                body,
                credentials: "same-origin",
                headers: {
                    "Accept": "application/json",
                    "X-CSRFToken": form.querySelector("input[name=csrfmiddlewaretoken]").value,
                },
            });
            answer = await response.json();
            if (!response.ok) {
                throw new Error(answer.error || response.statusText);
            }
        } catch (error) {
            status.textContent = text("Failed", {}) + (error && error.message ? " " + error.message : "");
            return;
        }
        const uploaded = answer.files.filter((result) => result.ok);
        for (const result of answer.files.filter((entry) => !entry.ok)) {
            const item = document.createElement("li");
            item.textContent = text("Refused", {file: result.name, reason: result.errors.join(" ")});
            errors.append(item);
            errors.hidden = false;
            errors.classList.add("errorlist");
        }
        status.textContent = text("Uploaded", {count: uploaded.length});
        if (uploaded.length) {
            const link = document.createElement("a");
            const ids = uploaded.map((result) => result.id).join(",");
            link.href = form.dataset.changelist + "?id__in=" + ids;
            link.textContent = text("Show", {});
            status.append(" ", link);
        }
    }

    if (submit) {
        submit.hidden = true; // choosing the files sends them
    }
    input.required = false;
    input.addEventListener("change", () => upload(Array.from(input.files)));

    function carriesFiles(event) {
        return Array.from(event.dataTransfer ? event.dataTransfer.types : []).includes("Files");
    }
    target.addEventListener("dragover", (event) => {
        if (carriesFiles(event)) {
            event.preventDefault();
            event.dataTransfer.dropEffect = "copy";
            form.classList.add("attachment-drop--over");
        }
    });
    target.addEventListener("dragleave", (event) => {
        if (!target.contains(event.relatedTarget)) {
            form.classList.remove("attachment-drop--over");
        }
    });
    target.addEventListener("drop", (event) => {
        if (carriesFiles(event)) {
            event.preventDefault();
            form.classList.remove("attachment-drop--over");
            upload(Array.from(event.dataTransfer.files));
        }
    });
})();

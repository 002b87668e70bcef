"use strict";
// A publication's additional materials (templates/admin/speeches/publication/includes/
// attachments.html), made quick where scripts run; the form works without this file:
// - files chosen or dropped are uploaded at once to the media library (several in one
//   request, their kind found by the server from their content) and each becomes a row,
//   so a form that fails on another field still has them;
// - rows are reordered by dragging their handle, or with their move buttons (keyboard);
//   each row's hidden position is written from the order, which the server keeps;
// - "Attach a material from the library" adds a row that picks one by name.
(function () {
    const group = document.querySelector("[data-attachments]");
    if (!group) {
        return;
    }
    const prefix = group.dataset.attachments;
    const form = group.closest("form");
    const grid = group.querySelector("[data-attachment-grid]");
    const template = document.getElementById(prefix + "-empty");
    const totalForms = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    const dropZone = group.querySelector("[data-drop-zone]");
    const fileInput = dropZone && dropZone.querySelector("input[type=file]");
    const errorList = group.querySelector("[data-drop-errors]");
    const ROW_TYPE = "application/x-attachment-row";

    function text(name, values) {
        const message = group.dataset["text" + name] || "";
        return message.replace(/%\((\w+)\)s/g, (match, key) =>
            key in values ? String(values[key]) : match
        );
    }

    // One live region tells what happened: uploads, refusals, moves.
    let status = group.querySelector("[data-drop-status]");
    if (!status) {
        status = document.createElement("p");
        status.className = "attachment-drop__status";
        status.setAttribute("role", "status");
        status.setAttribute("aria-live", "polite");
        grid.before(status);
    }
    function announce(message) {
        status.textContent = message;
    }

    // Added or reordered rows change hidden inputs only: the leave warning of
    // staff_forms.js is told here.
    function markUnsaved() {
        if (form && form.dataset.unsaved !== "errors") {
            form.dataset.unsaved = "rows";
        }
    }

    function rows() {
        return Array.from(grid.querySelectorAll("[data-attachment-row]"));
    }

    function renumber() {
        rows().forEach((row, index) => {
            const position = row.querySelector("input[data-position]");
            if (position) {
                position.value = String(index);
            }
        });
    }

    function rowName(row) {
        const label = row.querySelector("[data-label]");
        return (label && label.textContent.trim()) || "";
    }

    function enableTools(row) {
        for (const hidden of row.querySelectorAll("[data-drag-handle], [data-move]")) {
            hidden.hidden = false;
        }
    }

    // Rows from the template

    function newRow() {
        const index = totalForms.value;
        const fragment = template.content.cloneNode(true);
        const row = fragment.querySelector("[data-attachment-row]");
        for (const element of row.querySelectorAll("*")) {
            for (const attribute of ["id", "name", "for", "aria-describedby"]) {
                const value = element.getAttribute(attribute);
                if (value && value.includes("__prefix__")) {
                    element.setAttribute(attribute, value.replace(/__prefix__/g, index));
                }
            }
        }
        row.id = prefix + "-" + index;
        totalForms.value = String(Number(index) + 1);
        enableTools(row);
        return row;
    }

    function showPreview(row, result) {
        const preview = row.querySelector("[data-preview]");
        preview.textContent = "";
        if (result.preview) {
            const image = document.createElement("img");
            image.src = result.preview.url;
            image.width = result.preview.width;
            image.height = result.preview.height;
            image.alt = "";
            image.className = "material-thumb";
            preview.append(image);
        } else {
            const format = document.createElement("span");
            format.className = "attachment-row__format";
            format.textContent = result.format || result.kind_label;
            preview.append(format);
        }
    }

    function addUploaded(result) {
        const row = newRow();
        row.dataset.kind = result.kind;
        row.querySelector("[data-pick]").remove();
        row.querySelector("input[data-material]").value = String(result.id);
        row.querySelector("input[data-described]").value = result.fingerprint;
        if (result.kind !== "photo") {
            for (const photoOnly of row.querySelectorAll(".for-photo")) {
                photoOnly.remove();
            }
        }
        showPreview(row, result);
        row.querySelector("[data-label]").textContent = result.label;
        row.querySelector("[data-summary]").textContent = result.summary;
        const title = row.querySelector(".attachment-row__title");
        const link = document.createElement("a");
        link.href = result.change_url;
        link.target = "_blank";
        link.rel = "noopener";
        link.textContent = group.dataset.textOpen || "";
        grid.append(row);
        if (link.textContent) {
            title.append(" ", link);
        }
        return row;
    }

    function addFromLibrary() {
        const row = newRow();
        // The material is not known until it is picked: its descriptions are edited once
        // the publication is saved (sending empty ones would wipe its captions).
        row.querySelector("input[data-material]").remove();
        row.querySelector("[data-texts]").remove();
        row.querySelector("input[data-described]").remove();
        row.querySelector("[data-summary]").textContent = text("Picked", {});
        grid.append(row);
        row.dispatchEvent(
            new CustomEvent("formset:added", {bubbles: true, detail: {formsetName: prefix}})
        );
        renumber();
        markUnsaved();
        const select = row.querySelector("select");
        if (select) {
            select.focus();
        }
    }

    const addButton = group.querySelector("[data-add-row]");
    if (addButton && template) {
        addButton.hidden = false;
        addButton.querySelector("button").addEventListener("click", addFromLibrary);
    }

    // Uploading

    function csrfToken() {
        const input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
        return input ? input.value : "";
    }

    function saveButtons(disabled) {
        if (!form) {
            return;
        }
        for (const button of form.querySelectorAll("[type=submit]")) {
            button.disabled = disabled;
        }
    }

    function showRefusals(refused) {
        if (!errorList) {
            return;
        }
        errorList.textContent = "";
        for (const result of refused) {
            const item = document.createElement("li");
            item.textContent = text("Refused", {file: result.name, reason: result.errors.join(" ")});
            errorList.append(item);
        }
        errorList.hidden = refused.length === 0;
        errorList.classList.toggle("errorlist", refused.length > 0);
    }

    async function upload(files) {
        if (!files.length || !group.dataset.uploadUrl || !template) {
            return;
        }
        const body = new FormData();
        for (const file of files) {
            body.append("files", file);
        }
        if (fileInput) {
            fileInput.value = ""; // sent now: not again with the form
        }
        announce(text("Uploading", {count: files.length}));
        saveButtons(true);
        let answer;
        try {
            const response = await fetch(group.dataset.uploadUrl, {
                method: "POST",
                body,
                credentials: "same-origin",
                headers: {"Accept": "application/json", "X-CSRFToken": csrfToken()},
            });
            answer = await response.json();
            if (!response.ok) {
                throw new Error(answer.error || response.statusText);
            }
        } catch (error) {
            announce(text("Failed", {}) + (error && error.message ? " " + error.message : ""));
            saveButtons(false);
            return;
        }
        saveButtons(false);
        const uploaded = answer.files.filter((result) => result.ok);
        const refused = answer.files.filter((result) => !result.ok);
        uploaded.forEach(addUploaded);
        renumber();
        if (uploaded.length) {
            markUnsaved();
        }
        showRefusals(refused);
        announce(text("Uploaded", {count: uploaded.length}));
        const first = uploaded.length && rows()[rows().length - uploaded.length];
        const caption = first && first.querySelector("input[type=text]");
        if (caption) {
            caption.focus();
        }
    }

    if (fileInput) {
        fileInput.addEventListener("change", () => upload(Array.from(fileInput.files)));
    }

    function carriesFiles(event) {
        return Array.from(event.dataTransfer ? event.dataTransfer.types : []).includes("Files");
    }

    // Reordering by dragging a row's handle, and dropping files anywhere on the group

    let dragged = null;

    group.addEventListener("dragstart", (event) => {
        const handle = event.target.closest && event.target.closest("[data-drag-handle]");
        if (!handle) {
            return;
        }
        dragged = handle.closest("[data-attachment-row]");
        dragged.classList.add("attachment-row--dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData(ROW_TYPE, dragged.id);
        event.dataTransfer.setDragImage(dragged, 20, 20);
    });

    group.addEventListener("dragover", (event) => {
        if (dragged) {
            event.preventDefault();
            event.dataTransfer.dropEffect = "move";
            const target = event.target.closest && event.target.closest("[data-attachment-row]");
            if (!target || target === dragged || !grid.contains(target)) {
                return;
            }
            const box = target.getBoundingClientRect();
            if (event.clientY < box.top + box.height / 2) {
                target.before(dragged);
            } else {
                target.after(dragged);
            }
        } else if (carriesFiles(event) && dropZone) {
            event.preventDefault();
            event.dataTransfer.dropEffect = "copy";
            dropZone.classList.add("attachment-drop--over");
        }
    });

    group.addEventListener("dragleave", (event) => {
        if (dropZone && !group.contains(event.relatedTarget)) {
            dropZone.classList.remove("attachment-drop--over");
        }
    });

    function endDrag() {
        if (!dragged) {
            return;
        }
        const row = dragged;
        dragged = null;
        row.classList.remove("attachment-row--dragging");
        renumber();
        markUnsaved();
        const all = rows();
        announce(
            text("Moved", {
                material: rowName(row),
                position: all.indexOf(row) + 1,
                count: all.length,
            })
        );
    }

    group.addEventListener("drop", (event) => {
        if (dragged) {
            event.preventDefault();
            endDrag();
        } else if (carriesFiles(event) && dropZone) {
            event.preventDefault();
            dropZone.classList.remove("attachment-drop--over");
            upload(Array.from(event.dataTransfer.files));
        }
    });

    group.addEventListener("dragend", endDrag);

    // Moving with the keyboard

    group.addEventListener("click", (event) => {
        const button = event.target.closest && event.target.closest("[data-move]");
        if (!button) {
            return;
        }
        const row = button.closest("[data-attachment-row]");
        const up = button.dataset.move === "up";
        const neighbour = up ? row.previousElementSibling : row.nextElementSibling;
        if (!neighbour) {
            return;
        }
        if (up) {
            neighbour.before(row);
        } else {
            neighbour.after(row);
        }
        button.focus(); // moving the row in the document takes the focus away
        renumber();
        markUnsaved();
        const all = rows();
        announce(text("Moved", {material: rowName(row), position: all.indexOf(row) + 1, count: all.length}));
    });

    // A row ticked for removal is shown as leaving.
    group.addEventListener("change", (event) => {
        const box = event.target;
        if (box.type === "checkbox" && box.name && box.name.endsWith("-DELETE")) {
            const row = box.closest("[data-attachment-row]");
            row.classList.toggle("attachment-row--removed", box.checked);
        }
    });

    if (form) {
        form.addEventListener("submit", renumber);
    }
    rows().forEach(enableTools);
})();

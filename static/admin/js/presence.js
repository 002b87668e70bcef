"use strict";
// Keeps "Boris is editing this publication now" true while this page is open: a heartbeat
// renews this page's presence and brings back who else is editing; leaving the page ends
// it at once. The server forgets a page that stopped beating (speeches/editorial/presence.py), so a
// crashed browser or a closed laptop only counts for a short while.
(function () {
    const region = document.getElementById("editing-presence");
    if (!region) {
        return;
    }
    const list = region.querySelector("ul");
    const settings = region.dataset;
    const interval = Math.max(1, Number(settings.interval) || 30) * 1000;
    let timer = null;

    // Form-encoded with the CSRF token in the body: a beacon cannot send custom headers.
    function body() {
        return new URLSearchParams({
            csrfmiddlewaretoken: settings.csrf,
            token: settings.token,
            language: settings.language,
        });
    }

    function show(messages) {
        // Unchanged text is left alone, so screen readers do not hear it again every beat.
        const current = Array.from(list.children, (item) => item.textContent);
        if (current.join("\n") === messages.join("\n")) {
            return;
        }
        list.replaceChildren(
            ...messages.map((message) => {
                const item = document.createElement("li");
                item.className = "warning";
                item.textContent = message;
                return item;
            })
        );
        list.hidden = messages.length === 0;
    }

    async function beat() {
        let response;
        try {
            response = await fetch(settings.url, {
                method: "POST",
                body: body(),
                credentials: "same-origin",
                headers: {Accept: "application/json"},
            });
        } catch (error) {
            return; // offline for a moment: the next beat tries again
        }
        if (response.status === 403 || response.status === 404) {
            // No longer allowed to edit (say, the item was published meanwhile): this page
            // no longer counts, and what it showed may be stale.
            stop();
            show([]);
            return;
        }
        if (!response.ok || response.redirected) {
            return; // a passing server error, or the session ended (login page)
        }
        const answer = await response.json();
        show(answer.editors.map((editor) => editor.message));
    }

    function start() {
        stop();
        timer = window.setInterval(beat, interval);
    }

    function stop() {
        if (timer !== null) {
            window.clearInterval(timer);
            timer = null;
        }
    }

    window.addEventListener("pagehide", () => {
        stop();
        navigator.sendBeacon(settings.leaveUrl, body());
    });
    // Back from the browser's page cache: the page was left, so it must count again.
    window.addEventListener("pageshow", (event) => {
        if (event.persisted) {
            beat();
            start();
        }
    });
    start();
})();

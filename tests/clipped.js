// What a person would see cut off on a staff page (tests/helpers.py clipped): evaluated
// in the page by Playwright, it returns a list of problems, empty when the layout holds.
() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    const seen = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
    const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
        (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") +
        " «" + (el.innerText || el.value || "").trim().slice(0, 40) + "»";
    if (document.documentElement.scrollWidth > width + 1) {
        problems.push("page wider than the window: " + document.documentElement.scrollWidth + " > " + width);
    }
    // Every element of the header and the content with a box (hidden ones have none).
    for (const el of document.querySelectorAll("#header, #header *, #content, #content *")) {
        if (!seen(el)) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        if (box.left < -1 || box.right > width + 1) {
            problems.push("outside the window (" + Math.round(box.left) + "–" + Math.round(box.right) + " of " + width + "): " + name(el));
        }
    }
    const heading = document.querySelector("#content h1");
    const headingBox = heading && heading.getBoundingClientRect();
    for (const tool of document.querySelectorAll("#content .object-tools li")) {
        if (!headingBox || !seen(tool)) continue;
        const box = tool.getBoundingClientRect();
        for (const title of document.querySelectorAll("#content > h1, #content > h2, #content-main > h2")) {
            const t = title.getBoundingClientRect();
            if (box.left < t.right && box.right > t.left && box.top < t.bottom && box.bottom > t.top) {
                problems.push("covers the heading: " + name(tool));
            }
        }
    }
    return problems;
}

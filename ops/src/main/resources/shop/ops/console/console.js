// The operator console: one page, plain DOM. Every value from the API goes in as text, never as
// markup. The access token stays in memory only: a reload asks for the login again.
"use strict";
(function () {
  const state = { api: "", token: null, consumer: null, letters: [], orderId: null, timer: null };
  const $ = (id) => document.getElementById(id);
  const PAGES = ["dlqs", "archive", "outbox", "audit", "orders", "metrics"];

  function say(text, error) {
    const status = $("status");
    status.textContent = text || "";
    status.className = error ? "error" : "";
  }

  class ApiError extends Error {
    constructor(status, text) { super(text); this.status = status; }
  }

  async function api(method, path, body) {
    const headers = { Accept: "application/json" };
    if (state.token) headers.Authorization = "Bearer " + state.token;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(state.api + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await response.text();
    // Problems are JSON; a gateway or proxy in between may answer with plain text.
    const type = response.headers.get("Content-Type") || "";
    const json = text && type.includes("json") ? JSON.parse(text) : null;
    if (!response.ok) {
      if (response.status === 401 && state.token) logout("Your session ended: log in again.");
      const detail = json && (json.detail || json.title);
      const fields = json && json.errors ? " (" + json.errors.map((e) => e.field + " " + e.message).join("; ") + ")" : "";
      throw new ApiError(response.status, (detail || "HTTP " + response.status) + fields);
    }
    return { status: response.status, body: json };
  }

  function cell(row, text, className) {
    const td = document.createElement("td");
    td.textContent = text === undefined || text === null ? "" : String(text);
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function button(label, onClick, className) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    if (className) b.className = className;
    b.addEventListener("click", onClick);
    return b;
  }

  function rows(table, items, fill, empty) {
    const body = $(table).querySelector("tbody");
    body.replaceChildren();
    if (items.length === 0) {
      const row = body.insertRow();
      const td = cell(row, empty);
      td.colSpan = $(table).querySelectorAll("thead th").length;
      return;
    }
    items.forEach((item) => fill(body.insertRow(), item));
  }

  async function guarded(work) {
    try {
      await work();
    } catch (e) {
      say(e.message, true);
    }
  }

  // Login: the user service's /auth/login with the one-time code; staff routes need amr otp.
  async function login(event) {
    event.preventDefault();
    await guarded(async () => {
      const tokens = await api("POST", "/auth/login", {
        email: $("email").value, password: $("password").value, otp: $("otp").value
      });
      state.token = tokens.body.accessToken;
      $("password").value = "";
      $("otp").value = "";
      $("who").textContent = $("email").value;
      $("who").hidden = false;
      $("logout").hidden = false;
      $("nav").hidden = false;
      $("login").hidden = true;
      say("Logged in.");
      if (!PAGES.includes(location.hash.slice(1))) location.hash = "#dlqs";
      else show();
    });
  }

  function logout(message) {
    state.token = null;
    clearInterval(state.timer);
    PAGES.forEach((p) => ($(p).hidden = true));
    $("nav").hidden = true;
    $("who").hidden = true;
    $("logout").hidden = true;
    $("login").hidden = false;
    say(message || "Logged out.");
  }

  function show() {
    if (!state.token) return;
    const page = PAGES.includes(location.hash.slice(1)) ? location.hash.slice(1) : "dlqs";
    clearInterval(state.timer);
    PAGES.forEach((p) => ($(p).hidden = p !== page));
    document.querySelectorAll("nav a").forEach((a) => {
      if (a.getAttribute("href") === "#" + page) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    });
    const load = { dlqs: loadQueues, archive: async () => {}, outbox: loadOutbox, audit: loadAudit,
      orders: loadOrders, metrics: loadMetrics }[page];
    guarded(load);
    if (page === "metrics") state.timer = setInterval(() => guarded(loadMetrics), 10000);
  }

  // Dead letters.
  async function loadQueues() {
    const queues = (await api("GET", "/admin/dlqs")).body.items;
    rows("dlq-table", queues, (row, q) => {
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = q.consumer;
      row.appendChild(th);
      cell(row, q.messages);
      cell(row, age(q.oldestAge));
      cell(row, q.sourceQueue);
      row.insertCell().appendChild(button("Show messages of " + q.consumer, () => guarded(() => loadLetters(q.consumer))));
    }, "No queues.");
  }

  /** A wait in seconds (as the API writes durations) for people: 42 s, 7 min, 3 h. */
  function age(seconds) {
    const s = Number(seconds);
    if (seconds === null || seconds === undefined || seconds === "" || isNaN(s)) return "-";
    if (s < 60) return Math.round(s) + " s";
    if (s < 3600) return Math.round(s / 60) + " min";
    return Math.round(s / 3600) + " h";
  }

  async function loadLetters(consumer) {
    state.consumer = consumer;
    const letters = (await api("GET", "/admin/dlqs/" + encodeURIComponent(consumer) + "/messages?limit=100")).body.items;
    state.letters = letters;
    $("letters").hidden = false;
    $("letters-title").textContent = "Messages in " + consumer + "'s dead-letter queue";
    $("letters-result").textContent = "";
    rows("letter-table", letters, (row, l, i) => {
      const box = document.createElement("input");
      box.type = "checkbox";
      box.value = l.eventId || l.messageId;
      box.id = "letter-" + box.value;
      box.setAttribute("aria-label", "Select " + (l.eventName || "message") + " " + box.value);
      row.insertCell().appendChild(box);
      cell(row, l.eventId || l.messageId);
      cell(row, l.eventName || l.type || "unreadable");
      cell(row, l.subject);
      cell(row, l.receiveCount);
      cell(row, l.failureReason || "unknown", "reason");
    }, "The queue is empty.");
    say(letters.length + " message(s) in " + consumer + "'s dead-letter queue.");
  }

  function selected() {
    return Array.from($("letter-table").querySelectorAll("tbody input[type=checkbox]:checked")).map((b) => b.value);
  }

  async function replay(dryRun) {
    const ids = selected();
    if (ids.length === 0) { say("Select at least one message.", true); return; }
    const rate = Number($("rate").value || 50);
    const what = (dryRun ? "Dry run: which of " : "Replay ") + ids.length + " message(s) of " + state.consumer +
      (dryRun ? " would move?" : " at " + rate + " per second?");
    if (!window.confirm(what)) return;
    const outcome = (await api("POST", "/admin/dlqs/" + encodeURIComponent(state.consumer) + "/replay",
      { ids, dryRun, rate })).body;
    // Redrawn first: what the queue holds now, then what the replay did, which stays shown.
    if (!dryRun) await loadLetters(state.consumer);
    await loadQueues();
    $("letters-result").textContent = (dryRun ? "Dry run: would move " + outcome.selected.length
      : "Replayed " + outcome.moved + ", failed " + outcome.failed) + " (" + outcome.method + ").";
    say(dryRun ? "Dry run done; nothing moved." : "Replay done; recorded in the audit log.");
  }

  async function discard() {
    const ids = selected();
    if (ids.length === 0) { say("Select at least one message.", true); return; }
    if (!window.confirm("Discard " + ids.length + " message(s) of " + state.consumer + " for good? This cannot be undone.")) return;
    const gone = (await api("POST", "/admin/dlqs/" + encodeURIComponent(state.consumer) + "/discard", { ids })).body.items;
    await loadLetters(state.consumer);
    await loadQueues();
    $("letters-result").textContent = "Discarded " + gone.length + ".";
    say("Discarded; recorded in the audit log.");
  }

  // Archive replay, polled until it ends.
  async function startArchiveReplay(event) {
    event.preventDefault();
    const body = { from: $("archive-from").value.trim(), to: $("archive-to").value.trim() };
    const consumer = $("archive-consumer").value.trim();
    if (consumer) body.consumer = consumer;
    if (!window.confirm("Replay the archive from " + body.from + " to " + body.to + " to " + (consumer || "every consumer") + "?")) return;
    await guarded(async () => {
      const started = (await api("POST", "/admin/archive/replays", body)).body;
      progress(started);
      const poll = setInterval(() => guarded(async () => {
        const now = (await api("GET", "/admin/archive/replays/" + encodeURIComponent(started.name))).body;
        progress(now);
        if (["COMPLETED", "CANCELLED", "FAILED"].includes(now.state)) clearInterval(poll);
      }), 2000);
    });
  }

  function progress(p) {
    $("archive-progress").textContent = "Replay " + p.name + ": " + p.state +
      (p.lastReplayed ? ", replayed up to " + p.lastReplayed : "") + (p.reason ? " (" + p.reason + ")" : "");
  }

  // Parked outbox entries.
  async function loadOutbox() {
    const parked = (await api("GET", "/admin/outbox/parked")).body.items;
    rows("outbox-table", parked, (row, p) => {
      cell(row, p.service);
      cell(row, p.id);
      cell(row, p.eventType);
      cell(row, p.createdAt);
      cell(row, p.lastError, "reason");
      row.insertCell().appendChild(button("Retry " + p.id, () => guarded(async () => {
        if (!window.confirm("Put event " + p.id + " of " + p.service + " back in its outbox's line?")) return;
        await api("POST", "/admin/outbox/parked/" + encodeURIComponent(p.id) + "/retry");
        say("Back in line; recorded in the audit log.");
        await loadOutbox();
      })));
    }, "Nothing is parked.");
  }

  async function retryAll() {
    if (!window.confirm("Put every parked event back in line?")) return;
    const retried = (await api("POST", "/admin/outbox/parked/retry")).body.retried;
    say(retried + " event(s) back in line; recorded in the audit log.");
    await loadOutbox();
  }

  // Audit log.
  async function loadAudit() {
    const entries = (await api("GET", "/admin/audit?limit=100")).body.items;
    rows("audit-table", entries, (row, e) => {
      [e.time, e.actor, e.action, e.target, e.selection, e.count, e.result].forEach((v) => cell(row, v));
    }, "Nothing recorded yet.");
  }

  // Orders and their trail.
  async function loadOrders() {
    try {
      const orders = (await api("GET", "/admin/orders?limit=20")).body.items;
      rows("order-table", orders, (row, o) => {
        cell(row, o.id);
        cell(row, o.status);
        cell(row, o.createdAt);
        row.insertCell().appendChild(button("Trail of " + o.id, () => guarded(() => loadTrail(o.id))));
      }, "No orders yet.");
    } catch (e) {
      // Listing orders needs the orders role; the search by id works without it.
      rows("order-table", [], () => {}, "Latest orders unavailable: " + e.message);
    }
  }

  async function loadTrail(orderId) {
    state.orderId = orderId;
    const entries = (await api("GET", "/admin/orders/" + encodeURIComponent(orderId) + "/trail")).body.items;
    $("trail").hidden = false;
    $("trail-title").textContent = "Trail of order " + orderId;
    const list = $("timeline");
    list.replaceChildren();
    if (entries.length === 0) {
      const li = document.createElement("li");
      li.textContent = "Nothing recorded for this order.";
      list.appendChild(li);
    }
    entries.forEach((e) => {
      const li = document.createElement("li");
      li.className = e.kind + (e.kind === "consumer" ? " consumer-" + e.type : "");
      const time = document.createElement("time");
      time.dateTime = e.time;
      time.textContent = e.time;
      const kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = e.kind;
      li.append(time, kind, document.createTextNode(
        [e.consumer, e.type, e.detail].filter((x) => x).join(" · ")));
      list.appendChild(li);
    });
    say(entries.length + " entries in the trail of " + orderId + ".");
  }

  // Live metrics: bars drawn as SVG, each with its numbers as text.
  async function loadMetrics() {
    const body = $("metrics-body");
    let metrics;
    try {
      metrics = (await api("GET", "/admin/metrics?minutes=15")).body;
    } catch (e) {
      if (e.status === 404) { body.replaceChildren(paragraph("Metrics unavailable.")); return; }
      throw e;
    }
    body.replaceChildren(
      chart("Requests per second by route", metrics.routes || [], "route", "requestsPerSecond"),
      chart("p99 latency by route (ms)", metrics.routes || [], "route", "p99Ms"),
      chart("5xx errors by route", metrics.routes || [], "route", "errors5xx"),
      chart("Consumer message age p99 (ms)", metrics.consumers || [], "consumer", "ageP99Ms"),
      chart("Consumer failures", metrics.consumers || [], "consumer", "failures"),
      chart("Dead-letter queue depth", metrics.deadLetters || [], "queue", "depth"));
  }

  function paragraph(text) {
    const p = document.createElement("p");
    p.textContent = text;
    return p;
  }

  function chart(title, items, label, value) {
    const NS = "http://www.w3.org/2000/svg";
    const figure = document.createElement("figure");
    const caption = document.createElement("figcaption");
    caption.textContent = title;
    figure.appendChild(caption);
    if (items.length === 0) { figure.appendChild(paragraph("No data.")); return figure; }
    const max = Math.max(1, ...items.map((i) => Number(i[value]) || 0));
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("class", "chart");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", title + ": " + items.map((i) => i[label] + " " + i[value]).join(", "));
    svg.setAttribute("width", "640");
    svg.setAttribute("height", String(items.length * 22 + 4));
    items.forEach((item, n) => {
      const y = n * 22 + 2;
      const text = document.createElementNS(NS, "text");
      text.setAttribute("x", "0");
      text.setAttribute("y", String(y + 14));
      text.textContent = item[label];
      const bar = document.createElementNS(NS, "rect");
      bar.setAttribute("x", "260");
      bar.setAttribute("y", String(y));
      bar.setAttribute("height", "18");
      bar.setAttribute("width", String(Math.round(300 * (Number(item[value]) || 0) / max)));
      const number = document.createElementNS(NS, "text");
      number.setAttribute("x", String(264 + Math.round(300 * (Number(item[value]) || 0) / max)));
      number.setAttribute("y", String(y + 14));
      number.textContent = String(item[value]);
      svg.append(text, bar, number);
    });
    figure.appendChild(svg);
    return figure;
  }

  async function start() {
    try {
      // In the cloud the console is on CloudFront and the API elsewhere: config.json says where.
      const config = await (await fetch("config.json")).json();
      state.api = (config.apiUrl || "").replace(/\/$/, "");
    } catch (e) {
      state.api = "";
    }
    $("login-form").addEventListener("submit", login);
    $("logout").addEventListener("click", () => logout());
    $("dlqs-refresh").addEventListener("click", () => guarded(loadQueues));
    $("dry-run").addEventListener("click", () => guarded(() => replay(true)));
    $("replay").addEventListener("click", () => guarded(() => replay(false)));
    $("discard").addEventListener("click", () => guarded(discard));
    $("archive-form").addEventListener("submit", startArchiveReplay);
    $("outbox-refresh").addEventListener("click", () => guarded(loadOutbox));
    $("outbox-retry-all").addEventListener("click", () => guarded(retryAll));
    $("audit-refresh").addEventListener("click", () => guarded(loadAudit));
    $("order-form").addEventListener("submit", (e) => { e.preventDefault(); guarded(() => loadTrail($("order-id").value.trim())); });
    $("trail-refresh").addEventListener("click", () => guarded(() => loadTrail(state.orderId)));
    $("metrics-refresh").addEventListener("click", () => guarded(loadMetrics));
    window.addEventListener("hashchange", show);
  }

  start();
})();

// The live floor: every page follows the server's state by server-sent
// events and counts the turn down between them; the timekeeper's page
// sends its taps as events, with the token.
"use strict";
(function () {
  const view = document.body.dataset.view;
  if (view === "index") return;
  let state = null;     // the latest state
  let receivedAt = 0;   // performance.now() when it came
  const $ = (id) => document.getElementById(id);

  function clock(ms) {
    const s = Math.round(Math.abs(ms) / 1000);
    const m = Math.floor(s / 60), r = s % 60;
    return m + ":" + String(r).padStart(2, "0");
  }
  function pct(x) { return Math.round(100 * x) + "%"; }

  // left is the turn's time left now: the state's, less what has run since.
  function left() {
    const f = state.floor;
    return f.running ? f.left - (performance.now() - receivedAt) : f.left;
  }

  // tick redraws the countdown, and the warning that goes with it: wrap up
  // in the turn's last seconds (State.WrapUp), over once it runs over.
  function tick() {
    if (!state) return;
    const f = state.floor, cd = $("countdown");
    cd.classList.remove("wrap", "over");
    let status = "";
    if (f.break === "pause") status = "paused";
    else if (f.break) status = f.break + ": " + f.breakName;
    else if (f.speaker) status = f.mode ? f.mode : "";
    if (!f.speaker) {
      cd.textContent = "–";
      $("status").textContent = status;
      return;
    }
    const l = left();
    cd.textContent = l < 0 ? "+" + clock(l) : clock(l);
    let warn = "";
    if (l < 0) warn = "over";
    else if (l <= state.wrapUp) warn = "wrap";
    if (warn) cd.classList.add(warn);
    if (warn && !f.break) status = (warn === "over" ? "over time" : "wrap up") + (status ? " · " + status : "");
    $("status").textContent = status;
    cd.dataset.left = String(Math.round(l));
  }

  function render() {
    const f = state.floor;
    $("name").textContent = f.speaker || (f.break ? f.breakName : "Nobody has the floor");
    document.body.dataset.seq = String(state.seq);
    tick();
    if (view === "projector") return;
    const next = $("nextlist");
    next.replaceChildren(...state.next.map((p) => {
      const li = document.createElement("li");
      li.textContent = p.name;
      return li;
    }));
    $("segment").textContent = state.segment ? "Segment under way: " + state.segment : "Every planned speech has been given.";
    const groups = $("groups");
    const dims = {};
    for (const g of state.groups) (dims[g.dimension] ||= []).push(g);
    groups.replaceChildren(...Object.keys(dims).map((d) => {
      const box = document.createElement("div");
      box.className = "dimension";
      const h = document.createElement("h3");
      h.textContent = d;
      box.append(h);
      for (const g of dims[d]) {
        const row = document.createElement("div");
        row.className = "bar";
        const label = document.createElement("span");
        label.textContent = g.group + " " + pct(g.share) + " (target " + pct(g.target) + ")";
        const meter = document.createElement("meter");
        meter.min = 0; meter.max = 1; meter.value = g.share;
        meter.setAttribute("aria-label", g.group);
        const target = document.createElement("i");
        target.style.left = pct(g.target);
        const track = document.createElement("div");
        track.className = "track";
        track.append(meter, target);
        row.append(label, track);
        box.append(row);
      }
      return box;
    }));
    $("speakers").tBodies[0].replaceChildren(...state.speakers.map((s) => {
      const tr = document.createElement("tr");
      for (const text of [s.name + (s.mode ? " (" + s.mode + ")" : ""), clock(s.actual), clock(s.planned)]) {
        const td = document.createElement("td");
        td.textContent = text;
        tr.append(td);
      }
      return tr;
    }));
    $("outside").textContent = "Outside the budgets: " + clock(state.outside) + "; paused " + clock(state.paused) + ".";
    const pause = $("pause");
    if (pause) {
      pause.disabled = !f.speaker || !!f.break;
      $("resume").disabled = !f.break;
      $("yield").disabled = !f.speaker && !f.break;
      for (const b of document.querySelectorAll("button.speaker")) {
        b.classList.toggle("active", !!f.speaker && b.textContent === f.speaker);
      }
    }
  }

  function take(s) {
    if (state && s.seq < state.seq) return; // an older state, overtaken
    state = s;
    receivedAt = performance.now();
    render();
  }

  const conn = $("conn");
  // follow streams the states; the browser reconnects by itself after a
  // network error, but gives up on an answer that is not a stream (a
  // server shutting down), so then the page starts again after a second.
  function follow() {
    const es = new EventSource("/events");
    es.addEventListener("state", (e) => {
      if (conn) { conn.textContent = "live"; conn.className = "conn ok"; }
      take(JSON.parse(e.data));
    });
    es.onerror = () => {
      if (conn) { conn.textContent = "reconnecting…"; conn.className = "conn"; }
      if (es.readyState === EventSource.CLOSED) setTimeout(follow, 1000);
    };
  }
  follow();
  setInterval(tick, 200);

  const form = $("controls");
  if (!form) return;
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("click", async (e) => {
    const b = e.target.closest("button[data-kind]");
    if (!b) return;
    const body = new URLSearchParams({ token: form.dataset.token, kind: b.dataset.kind });
    if (b.dataset.person !== undefined) body.set("person", b.dataset.person);
    if (b.dataset.kind === "intervention" || b.dataset.kind === "point of order") body.set("name", $("who").value);
    $("error").textContent = "";
    try {
      const r = await fetch("/event", { method: "POST", body });
      const answer = await r.json();
      if (!r.ok) { $("error").textContent = answer.error; return; }
      take(answer);
      if (b.dataset.kind === "intervention" || b.dataset.kind === "point of order") $("who").value = "";
    } catch (err) {
      $("error").textContent = "not sent: " + err;
    }
  });
})();

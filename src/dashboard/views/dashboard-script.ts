// The dashboard's only script of its own, served from /officer/static/dashboard.js
// (CSP script-src 'self': no inline script). Pages work without it; it adds:
// - charts (Chart.js, served from node_modules) drawn from the tables already on the
//   page: <table data-chart="bar|stacked" data-series="1,2" data-colors="#..,#..">,
//   the first column labels the bars, the listed columns are the series;
// - form validation messages in Thai instead of the browser's own language;
// - the headman-code page's copy button (hidden without script).
export const DASHBOARD_JS = `"use strict";
(function () {
  var FONT = '"Sarabun","Noto Sans Thai","Leelawadee UI",Tahoma,Garuda,Loma,sans-serif';
  function num(text) {
    var v = Number(String(text).replace(/[^0-9.\\-]/g, ""));
    return isFinite(v) ? v : 0;
  }
  function drawChart(table) {
    if (!window.Chart) return;
    var cols = table.dataset.series.split(",").map(Number);
    var colors = (table.dataset.colors || "").split(",");
    var head = table.tHead.rows[0].cells;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    if (rows.length === 0) return;
    var labels = rows.map(function (r) { return r.cells[0].textContent.trim(); });
    var datasets = cols.map(function (c, i) {
      return { label: head[c].textContent.trim(), backgroundColor: colors[i] || "#0b57d0",
        data: rows.map(function (r) { return num(r.cells[c].textContent); }) };
    });
    var stacked = table.dataset.chart === "stacked";
    var horizontal = rows.length > 12;
    var box = document.createElement("div");
    box.className = "chart-box" + (horizontal ? " tall" : "");
    var canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", (table.caption ? table.caption.textContent : "แผนภูมิ") + " (ข้อมูลเดียวกับตารางด้านล่าง)");
    box.appendChild(canvas);
    var wrap = table.closest(".table-wrap") || table;
    wrap.parentNode.insertBefore(box, wrap);
    window.Chart.defaults.font.family = FONT;
    window.Chart.defaults.font.size = 14;
    var valueAxis = { beginAtZero: true, stacked: stacked, ticks: { precision: 0 } };
    var labelAxis = { stacked: stacked, ticks: { autoSkip: false } };
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
        layout: { padding: { top: 8, right: 8 } },
        plugins: { legend: { position: "top", align: "start", labels: { boxWidth: 14 } } },
      },
    });
  }
  var MESSAGES = {
    valueMissing: "กรุณากรอกช่องนี้ค่ะ",
    typeMismatch: "รูปแบบข้อมูลไม่ถูกต้องค่ะ",
    patternMismatch: "รูปแบบข้อมูลไม่ถูกต้องค่ะ",
    tooLong: "ข้อความยาวเกินไปค่ะ",
    tooShort: "ข้อความสั้นเกินไปค่ะ",
    rangeUnderflow: "ค่าน้อยกว่าที่กำหนดค่ะ",
    rangeOverflow: "ค่ามากกว่าที่กำหนดค่ะ",
    stepMismatch: "ค่าไม่ตรงตามที่กำหนดค่ะ",
    badInput: "กรุณากรอกตัวเลขหรือวันที่ให้ถูกต้องค่ะ",
  };
  function thaiValidity(el) {
    el.setCustomValidity("");
    if (el.validity.valid) return;
    for (var key in MESSAGES) if (el.validity[key]) { el.setCustomValidity(MESSAGES[key]); return; }
  }
  document.addEventListener("invalid", function (e) { thaiValidity(e.target); }, true);
  document.addEventListener("input", function (e) { if (e.target.setCustomValidity) e.target.setCustomValidity(""); }, true);
  document.addEventListener("change", function (e) { if (e.target.setCustomValidity) e.target.setCustomValidity(""); }, true);
  function copyButton() {
    var b = document.getElementById("copy-invite"), t = document.getElementById("invite-text");
    if (!b || !t) return;
    b.hidden = false;
    b.addEventListener("click", function () {
      var done = function () { b.textContent = "คัดลอกแล้ว"; };
      var fallback = function () { getSelection().selectAllChildren(t); b.textContent = "เลือกข้อความแล้ว กดคัดลอกได้เลย"; };
      if (navigator.clipboard) navigator.clipboard.writeText(t.textContent).then(done, fallback);
      else fallback();
    });
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-chart]"), drawChart);
    copyButton();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
`;

// The only stylesheet (CSP style-src 'self': no inline styles). Mobile first:
// one column, large touch targets. On a phone, lists (table.stack) become one card
// per row with each cell labelled; wide number tables scroll inside their box.
export const DASHBOARD_CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:"Sarabun","Noto Sans Thai","Leelawadee UI",Tahoma,Garuda,Loma,sans-serif;font-size:16px;line-height:1.6;color:#1b1b1b;background:#f6f7f9}
a{color:#0b57d0}
a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:10}
header.top{background:#14213d;color:#fff;padding:8px 16px;display:flex;flex-wrap:wrap;align-items:center;gap:4px 20px}
header.top a{color:#fff}
header.top .brand{font-weight:700;font-size:1.1rem;text-decoration:none;white-space:nowrap}
nav.main{flex:1 1 auto}
nav.main ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
nav.main li{white-space:nowrap}
nav.main a[aria-current=page]{font-weight:700;text-decoration:underline}
.who{display:flex;flex-wrap:wrap;gap:4px 12px;align-items:center;font-size:.9rem}
.who form{display:inline}
.who button{margin-top:0;min-height:36px;padding:6px 12px}
.muted-on-dark{color:#d7dce6}
.container{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.card{background:#fff;border:1px solid #d9dde3;border-radius:8px;padding:16px;margin-bottom:16px}
.flash{padding:12px;border-radius:6px;margin-bottom:16px}
.flash.ok{background:#e6f4ea;border:1px solid #34a853}
.flash.error{background:#fce8e6;border:1px solid #d93025}
form.stack label,form .field label{display:block;font-weight:600;margin-top:12px}
input[type=text],input[type=password],input[type=date],input[type=datetime-local],input[type=number],input[type=search],input[type=time],select,textarea{width:100%;max-width:32rem;padding:10px;font:inherit;border:1px solid #8a8f98;border-radius:6px;background:#fff}
textarea{min-height:6rem}
button,.button{display:inline-block;min-height:44px;padding:10px 16px;font:inherit;border:0;border-radius:6px;background:#0b57d0;color:#fff;cursor:pointer;text-decoration:none;margin-top:12px}
button.secondary,.button.secondary{background:#e8eaed;color:#1b1b1b}
button.danger{background:#b3261e}
.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,160px),1fr));gap:8px 16px;align-items:end}
.filters label{margin-top:0}
.filters input,.filters select{min-width:0}
.table-wrap{overflow-x:auto;max-width:100%}
.table-wrap th{white-space:nowrap}
caption{text-align:left;padding:4px 0}
.chart-box{position:relative;height:320px;margin:8px 0 16px}
.chart-box.tall{height:760px}
details.more summary{cursor:pointer;color:#0b57d0}
.field-note{font-size:.9rem;color:#5f6368;margin:2px 0 0}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid #d9dde3;padding:8px;text-align:left;vertical-align:top}
th{background:#eef1f5}
td.num,th.num{text-align:right}
.counts{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}
.counts li{background:#fff;border:1px solid #d9dde3;border-radius:16px;padding:4px 12px}
.badge{display:inline-block;border-radius:12px;padding:0 8px;font-size:.85rem;background:#e8eaed}
.badge.received{background:#fde293}.badge.under_review{background:#aecbfa}.badge.referred{background:#d7aefb}.badge.resolved{background:#a8dab5}.badge.dismissed{background:#dadce0}
.badge.clock{background:#d2e3fc}.badge.clock.today{background:#fde293}.badge.clock.overdue{background:#b3261e;color:#fff}.badge.clock.paused{background:#e8eaed}
table.queue tr.overdue td:first-child{border-left:4px solid #b3261e}table.queue tr.today td:first-child{border-left:4px solid #f0a500}
.pager{display:flex;gap:16px;align-items:center;margin:16px 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}
dl.facts dt{font-weight:600}
.prewrap{white-space:pre-wrap;overflow-wrap:anywhere}
ol.timeline{padding-left:1.2rem}
.thread .msg{border-left:4px solid #8a8f98;padding:4px 12px;margin:8px 0;background:#fff}
.thread .msg.officer{border-color:#0b57d0}
.thread .msg.internal{border-color:#f0a500;background:#fff8e1}
.photos{display:flex;flex-wrap:wrap;gap:8px}
.photos img{max-width:240px;max-height:240px;border:1px solid #d9dde3}
.muted{color:#5f6368}
.mono{font-family:ui-monospace,Menlo,Consolas,monospace}
td .mono,td a.mono{white-space:nowrap}
fieldset{border:1px solid #d9dde3;border-radius:6px;margin-top:12px}
fieldset label{font-weight:400;display:block}
.nowrap{white-space:nowrap}
@media (max-width:600px){dl.facts{grid-template-columns:1fr}.container{padding:8px}
table.stack,table.stack tbody,table.stack tr,table.stack td,table.stack th[scope=row]{display:block;width:100%}
table.stack thead{display:none}
table.stack caption{display:block;text-align:left}
.filters{grid-template-columns:1fr}
table.stack tr{border:1px solid #d9dde3;border-radius:8px;margin-bottom:8px;padding:4px 8px;background:#fff}
table.stack td,table.stack th[scope=row]{border:0;padding:4px 0 4px 7.5rem;position:relative;text-align:left;min-height:1.6em}
table.stack td::before,table.stack th[scope=row]::before{content:attr(data-label);position:absolute;left:0;width:7rem;font-weight:600;color:#5f6368}
table.stack td.num{text-align:left}
table.stack form{display:inline}}
/* Meeting form: only the fields of the chosen schedule kind and meeting scope (no script needed). */
.schedule:has(input[name=kind][value=once]:checked) .when-monthly-day,
.schedule:has(input[name=kind][value=once]:checked) .when-monthly-weekday,
.schedule:has(input[name=kind][value=once]:checked) .when-recurring,
.schedule:has(input[name=kind][value=monthly-day]:checked) .when-once,
.schedule:has(input[name=kind][value=monthly-day]:checked) .when-monthly-weekday,
.schedule:has(input[name=kind][value=monthly-weekday]:checked) .when-once,
.schedule:has(input[name=kind][value=monthly-weekday]:checked) .when-monthly-day,
form:has(input[name=scope][value=village]:checked) .scope-district,
form:has(input[name=scope][value=district]:checked) .scope-village{display:none}
@media (max-width:600px){table.queue thead{display:none}table.queue tr{display:block;border-bottom:1px solid #d9dde3;padding:4px 0}table.queue td{display:grid;grid-template-columns:7.5rem 1fr;gap:8px;border:0;padding:2px 8px}table.queue td::before{content:attr(data-label);font-weight:600;color:#5f6368}table.queue tr.overdue td:first-child,table.queue tr.today td:first-child{border-left:0}table.queue tr.overdue{border-left:4px solid #b3261e}table.queue tr.today{border-left:4px solid #f0a500}}
`;

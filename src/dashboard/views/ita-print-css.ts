// Print styles of the ITA pack: A4 portrait, one section a page, Thai fonts that
// stack tone marks (Sarabun/Noto/Loma from the system), tables that never split a row;
// on a phone's screen each table scrolls inside its own box.
export const ITA_PRINT_CSS = `
@page{size:A4 portrait;margin:16mm 14mm}
body.pack{font-family:"Sarabun","TH Sarabun New","Noto Sans Thai","Loma",sans-serif;color:#111;line-height:1.5;margin:0 auto;max-width:190mm;padding:8px}
.pack h1{font-size:1.6rem;margin:0 0 .5rem}.pack h2{font-size:1.25rem;border-bottom:2px solid #1f4e79;padding-bottom:.2rem}
.pack h3{font-size:1.05rem;margin:.8rem 0 .2rem}
.pack .agency{font-size:1.3rem;font-weight:bold}.pack .note{color:#444}
.pack table{border-collapse:collapse;width:100%;margin:.6rem 0 1rem;font-size:.9rem}
.pack caption{text-align:left;font-weight:bold;padding:.2rem 0}
.pack th,.pack td{border:1px solid #999;padding:.2rem .35rem;vertical-align:top}
.pack thead th{background:#e8eef5}.pack .num{text-align:right;white-space:nowrap}
.pack tr{break-inside:avoid}
.pack .page{break-after:page}.pack .page:last-child{break-after:auto}
.pack .cover{padding-top:30mm}
@media screen{.pack .page{border-bottom:1px dashed #bbb;padding-bottom:1rem;margin-bottom:1rem}.pack .table-wrap{overflow-x:auto;max-width:100%}.pack thead th{white-space:nowrap}}
@media print{.pack .table-wrap{overflow:visible}}
`;

import { readFileSync } from 'node:fs';
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await pdfjs.getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise;
const page = await doc.getPage(1);
const ops = await page.getOperatorList();
const names = Object.fromEntries(Object.entries(pdfjs.OPS).map(([k,v])=>[v,k]));
let n=0;
for (let i=0;i<ops.fnArray.length;i++){ const f=names[ops.fnArray[i]]; if (['showText','moveText','beginText','endText','setFont','setTextMatrix','dependency'].includes(f)) continue;
 const a=ops.argsArray[i]; console.log(f, JSON.stringify(a, (k,v)=> v instanceof Float32Array||v instanceof Array && v.length>12 ? Array.from(v).slice(0,12).map(x=>+(+x).toFixed(1)) : (typeof v==='number'? +v.toFixed(2):v)).slice(0,200)); if(++n>140) break;}

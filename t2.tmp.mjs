import { Resvg } from '@resvg/resvg-js';
import { fontFilePaths } from './dist/viz/render/fonts.js';
const fonts = fontFilePaths();
const opts = { font: { fontFiles: [fonts.regular, fonts.semibold], loadSystemFonts: false, defaultFontFamily: 'Source Sans 3' } };
const doc = (body) => `<svg xmlns="http://www.w3.org/2000/svg" width="500" height="500" font-family="Source Sans 3">${body}</svg>`;
const many = (n, s, attrs='') => Array.from({length:n}, (_, i) => `<text x="10" y="${i}" font-size="7"${attrs}>${s}</text>`).join('');
new Resvg(doc(many(10, 'abcdefghij abcdefghi')), opts);

// The console shares the editor console's DOM helpers (h, say): one place builds elements and shows messages.
export { h, say } from '/editor/dom.js';

// The landing page works without JavaScript (the join form and the language menu are plain
// forms), so it ships none: it is the first page a phone on a crowded network opens.
export const csr = false;

// The roster works without JavaScript (the search and "this is me" are plain forms), so it ships
// none: on a crowded venue Wi-Fi a phone picks its name from the HTML alone, and only the phone
// for the day (/c/d) loads the app.
export const csr = false;

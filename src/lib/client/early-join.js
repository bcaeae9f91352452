// The phone's join form works before its app has started: on a slow network the page arrives
// seconds before its scripts. This script runs right after the server-rendered form (inline, so
// it costs no request; its hash is allowed by the page's Content-Security-Policy in
// svelte.config.js, so its text must stay a constant). It sends the join over HTTP
// (`POST /j/<code>/join`) with the same id the app would use, keeps the join as pending in the
// same storage keys as the app (`samrad.join.<code>`) until answered, and stores the answer
// where the app starts from: the phone's identity (`samrad.phone.<code>`) and its first view
// (`samrad.outbox.<code>.view`). Once the app has started (it marks the form `data-started`, or
// removes it when the phone has joined) the app alone handles the form, and the language menu. Texts come translated in the form's data
// attributes.

/** The script's text, run as a classic inline script right after `form.join`. */
export const earlyJoinScript = `(() => {
	const form = document.currentScript && document.currentScript.previousElementSibling;
	if (!form || form.tagName !== 'FORM') return;
	const data = form.dataset;
	const input = form.querySelector('input');
	const button = form.querySelector('button');
	const read = (key) => {
		try {
			return JSON.parse(localStorage.getItem(key) || 'null');
		} catch (e) {
			return null;
		}
	};
	const store = (key, value) => {
		try {
			if (value === null) localStorage.removeItem(key);
			else localStorage.setItem(key, JSON.stringify(value));
		} catch (e) {}
	};
	// A language chosen in the menu before the app starts: its plain form (POST /lang) sends the
	// page back in that language; once started, the app switches in place.
	document.addEventListener('change', (event) => {
		const menu = event.target;
		// The app marks the form once started, or has removed it (a phone that has joined).
		const started = !form.isConnected || form.hasAttribute('data-started');
		if (started || !menu.matches('form.switcher select[name=lang]')) return;
		menu.form.submit();
	});
	const identityKey = 'samrad.phone.' + data.code;
	const joinKey = 'samrad.join.' + data.code;
	const busy = (on) => {
		input.disabled = on;
		button.disabled = on;
		for (const node of button.childNodes)
			if (node.nodeType === 3 && node.nodeValue.trim()) node.nodeValue = on ? data.joining : data.join;
	};
	const refuse = (message) => {
		input.setCustomValidity(message);
		input.reportValidity();
	};
	if (read(identityKey)) {
		form.hidden = true;
		return;
	}
	const pending = read(joinKey);
	if (pending) {
		input.value = pending.name;
		busy(true);
		return;
	}
	input.addEventListener('input', () => input.setCustomValidity(''));
	form.addEventListener('submit', (event) => {
		if (form.hasAttribute('data-started')) return;
		event.preventDefault();
		const name = input.value.trim();
		if (!name) return refuse(data.required);
		if ([...name].length > Number(data.max)) return refuse(data.tooLong);
		const bytes = crypto.getRandomValues(new Uint8Array(16));
		const id = btoa(String.fromCharCode(...bytes)).replace(/[+]/g, '-').replace(/[/]/g, '_').replace(/=+$/, '');
		store(joinKey, { id, name });
		busy(true);
		fetch('/j/' + encodeURIComponent(data.code) + '/join', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ id, name }),
			credentials: 'same-origin'
		})
			.then((response) => response.json())
			.then((answer) => {
				const still = read(joinKey);
				if (!still || still.id !== id) return;
				store(joinKey, null);
				if (answer.ok) {
					store(identityKey, { token: answer.token, participantId: answer.participantId });
					if (answer.view) store('samrad.outbox.' + data.code + '.view', answer.view);
				} else if (!form.hasAttribute('data-started')) {
					busy(false);
					refuse(answer.error.message);
				}
				dispatchEvent(new CustomEvent('samrad:joined', { detail: { id, answer } }));
			})
			.catch(() => {});
	});
})();`;
